import { describe, expect, it } from 'vitest';
import { parseMailDate, parseMailDateParts } from '../../lib/mail/dates';

describe('parseMailDateParts', () => {
  it.each([
    // Gmail en-US titles, old and new
    ['Thu, Dec 18, 2014 at 12:35 PM', [2014, 12, 18, 12, 35]],
    ['Mon, May 4, 2026, 10:08 AM', [2026, 5, 4, 10, 8]],
    ['Mon, May 4, 2026, 10:08\u202fAM', [2026, 5, 4, 10, 8]],
    ['Mon, May 4, 2026, 12:05 AM', [2026, 5, 4, 0, 5]],
    ['Wed, Oct 15, 2014 at 3:16 PM', [2014, 10, 15, 15, 16]],
    ['Sep 1, 2026, 9:00 p.m.', [2026, 9, 1, 21, 0]],
    // en-GB
    ['Tue, 24 Nov 2026, 16:05', [2026, 11, 24, 16, 5]],
    ['4 May 2026 at 10:08', [2026, 5, 4, 10, 8]],
    // zh
    ['2016年5月4日 上午10:08', [2016, 5, 4, 10, 8]],
    ['2026年5月4日周一 10:08', [2026, 5, 4, 10, 8]],
    ['2026年11月23日 下午3:20', [2026, 11, 23, 15, 20]],
    ['2026年5月4日 星期一 晚上9:30', [2026, 5, 4, 21, 30]],
    ['2026年5月4日 中午12:10', [2026, 5, 4, 12, 10]],
    ['2026年5月4日 凌晨12:10', [2026, 5, 4, 0, 10]],
    // de
    ['Mo., 4. Mai 2026, 10:08', [2026, 5, 4, 10, 8]],
    ['Fr., 20. Nov. 2026, 16:45', [2026, 11, 20, 16, 45]],
    ['4. März 2026 um 08:15', [2026, 3, 4, 8, 15]],
    ['Do., 17. Dez. 2026, 23:59', [2026, 12, 17, 23, 59]],
    // Outlook
    ['Mon 5/4/2026 10:08 AM', [2026, 5, 4, 10, 8]],
    ['Wed 11/25/2026 8:31 AM', [2026, 11, 25, 8, 31]],
    ['Mo 04.05.2026 10:08', [2026, 5, 4, 10, 8]],
    ['2026/5/4 周一 10:08', [2026, 5, 4, 10, 8]],
    ['Mon 25/11/2026 08:31', [2026, 11, 25, 8, 31]],
    ['2026-05-04 10:08', [2026, 5, 4, 10, 8]],
  ])('reads %s', (text, [year, month, day, hour, minute]) => {
    expect(parseMailDateParts(text)).toEqual({ year, month, day, hour, minute });
  });

  it.each([
    '',
    '10:08 AM (2 hours ago)',
    'Mon 10:08',
    'Yesterday',
    '周一 10:08',
    'Nov 23',
    'Foo 4, 2026',
  ])('gives undefined for %j (no full date)', (text) => {
    expect(parseMailDateParts(text)).toBeUndefined();
  });
});

describe('parseMailDate', () => {
  it('gives the instant in the runtime time zone as ISO 8601', () => {
    expect(parseMailDate('Mon, May 4, 2026, 10:08 AM')).toBe(new Date(2026, 4, 4, 10, 8).toISOString());
  });
  it('gives undefined for null', () => {
    expect(parseMailDate(null)).toBeUndefined();
  });
});
