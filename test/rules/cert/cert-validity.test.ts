import { ruleCases } from '../../helpers/cases.js';
import { days } from '../../helpers/pki.js';

ruleCases('cert-validity', [
  { name: 'all certificates valid now', expect: 'pass', message: /days left/ },
  { name: 'leaf expired three days ago', chain: 'expired.pem', expect: 'fail', message: /expired on \d{4}-\d{2}-\d{2} \(3 days ago\)/ },
  { name: 'leaf not valid for ten more days', chain: 'not-yet.pem', expect: 'fail', message: /is not valid until/ },
  {
    name: 'leaf expires within --warn-days 30',
    chain: 'expiring.pem',
    expect: 'warn',
    message: /in 12 days \(warning threshold 30 days\)/,
  },
  {
    name: 'one day left is "1 day", threshold 1 day',
    chain: 'expiring.pem',
    options: { at: days(11), warnDays: 2 },
    expect: 'warn',
    message: /in 1 day \(warning threshold 2 days\)/,
  },
  {
    name: 'expired one day ago is "1 day ago"',
    chain: 'expiring.pem',
    options: { at: days(13) },
    expect: 'fail',
    message: /\(1 day ago\)/,
  },
  { name: 'a smaller --warn-days silences the warning', chain: 'expiring.pem', options: { warnDays: 7 }, expect: 'pass' },
  {
    name: '--at after the root expires fails the root too',
    options: { at: days(4000) },
    expect: 'fail',
    message: /root "CN=Test Lab Root CA.*expired/,
  },
]);
