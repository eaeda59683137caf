import { ruleCases } from '../../helpers/cases.js';

ruleCases('chain-order', [
  { name: 'leaf first, then its issuer', expect: 'pass' },
  { name: 'intermediate before leaf', chain: 'reversed.pem', expect: 'warn', message: /#2 in the file, not first/ },
  { name: 'the intermediate twice', chain: 'duplicate.pem', expect: 'warn', message: /#3 repeats #2/ },
  { name: 'root included', chain: 'with-root.pem', expect: 'warn', message: /includes the root/ },
]);
