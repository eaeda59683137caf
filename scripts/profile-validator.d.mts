export const PROFILE_VALIDATOR_FILE: string;
export const PROFILE_AJV_OPTIONS: { allErrors: boolean; strict: boolean };
export function profileValidatorSource(root?: URL): Promise<string>;
