/**
 * Kamailio's #!ifdef, #!ifndef, #!ifexp, #!else and #!endif blocks as cfg.lex keeps them, for the TLS
 * reader and the media reader alike: whether the current line is read, and which open block switches it
 * off, each in O(1) (a search of the open blocks on every line made a run of unclosed blocks quadratic).
 */
export interface IfdefBlock {
  /** `ifdef NAME`, `ifndef NAME` (swapped by #!else), `ifexp ...`. */
  cond: string;
  line: number;
}

interface Frame extends IfdefBlock {
  on: boolean;
  taken: boolean;
  /** The first switched-off frame from the outermost in, up to this one. */
  off?: Frame;
}

export class IfdefStack {
  private readonly frames: Frame[] = [];

  /** The outermost open block that switches the current line off; undefined when the line is read. */
  get off(): IfdefBlock | undefined {
    return this.top()?.off;
  }

  get active(): boolean {
    return this.top()?.off === undefined;
  }

  /** The blocks still open (at the end of a file: not closed by #!endif). */
  get open(): readonly IfdefBlock[] {
    return this.frames;
  }

  push(on: boolean, cond: string, line: number): void {
    const frame: Frame = { on, taken: on, cond, line };
    frame.off = this.top()?.off ?? (on ? undefined : frame);
    this.frames.push(frame);
  }

  /** #!else: the other branch; false without an open block. */
  else(): boolean {
    const top = this.top();
    if (!top) return false;
    top.on = !top.taken;
    top.taken = true;
    top.cond = top.cond.startsWith('ifdef') ? top.cond.replace('ifdef', 'ifndef') : top.cond.replace('ifndef', 'ifdef');
    top.off = this.frames[this.frames.length - 2]?.off ?? (top.on ? undefined : top);
    return true;
  }

  /** #!endif: false without an open block. */
  pop(): boolean {
    return this.frames.pop() !== undefined;
  }

  private top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }
}
