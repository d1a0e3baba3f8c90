import { describe, expect, it, test } from 'vitest';
import type { Priority } from '../../lib/categories';
import {
  customerWaitingStretches,
  DEFAULT_SLA_TARGETS,
  defaultSlaSettings,
  firstResponseBusinessMinutes,
  slaClock,
  slaMet,
  type SlaClock,
  type SlaMessage,
} from '../../lib/metrics/sla';

const settings = defaultSlaSettings('Europe/Berlin'); // Mon–Fri 09:00–17:00
const roundTheClock = { targets: DEFAULT_SLA_TARGETS };
const them = (date: string): SlaMessage => ({ date, fromMe: false });
const us = (date: string): SlaMessage => ({ date, fromMe: true });

// Times in UTC; Berlin is UTC+1 in winter (March 4–8, 2024 is Mon–Fri) and UTC+2 from March 31.
describe('slaClock', () => {
  test.each<[string, SlaMessage[], Priority, string, Partial<SlaClock>]>([
    ['no messages: nothing to wait for', [], 'P1', '2024-03-04T10:00:00Z', { state: 'ok', waitingMinutes: 0 }],
    ['P1 half an hour in: ok', [them('2024-03-04T09:00:00Z')], 'P1', '2024-03-04T09:30:00Z', { state: 'ok', waitingMinutes: 30, targetMinutes: 60, dueAt: '2024-03-04T10:00:00.000Z', clock: 'response' }],
    ['P1 at exactly 75 % of the hour: at risk', [them('2024-03-04T09:00:00Z')], 'P1', '2024-03-04T09:45:00Z', { state: 'at-risk', waitingMinutes: 45 }],
    ['P1 at exactly the target: still at risk', [them('2024-03-04T09:00:00Z')], 'P1', '2024-03-04T10:00:00Z', { state: 'at-risk', waitingMinutes: 60 }],
    ['P1 a minute past the target: breached', [them('2024-03-04T09:00:00Z')], 'P1', '2024-03-04T10:01:00Z', { state: 'breached', waitingMinutes: 61, dueAt: '2024-03-04T10:00:00.000Z' }],
    ['P1 over the weekend: Fri 16:30 → Mon 09:20 is 50 business minutes', [them('2024-03-08T15:30:00Z')], 'P1', '2024-03-11T08:20:00Z', { state: 'at-risk', waitingMinutes: 50, dueAt: '2024-03-11T08:30:00.000Z' }],
    ['a Saturday mail waits from Monday opening', [them('2024-03-09T11:00:00Z')], 'P1', '2024-03-11T08:10:00Z', { state: 'ok', waitingMinutes: 10, dueAt: '2024-03-11T09:00:00.000Z' }],
    ['a mail at night: no time passes until opening', [them('2024-03-05T01:00:00Z')], 'P2', '2024-03-05T06:00:00Z', { state: 'ok', waitingMinutes: 0, dueAt: '2024-03-05T12:00:00.000Z' }],
    ['P2 across the DST change (Fri 16:00 CET → Mon 10:00 CEST)', [them('2024-03-29T15:00:00Z')], 'P2', '2024-04-01T08:00:00Z', { state: 'ok', waitingMinutes: 120, dueAt: '2024-04-01T10:00:00.000Z' }],
    ['several unanswered messages: the clock runs from the first', [them('2024-03-04T09:00:00Z'), them('2024-03-04T09:40:00Z')], 'P1', '2024-03-04T09:50:00Z', { state: 'at-risk', waitingMinutes: 50 }],
    ['our reply last: paused, waiting on the customer', [them('2024-03-04T09:00:00Z'), us('2024-03-04T11:00:00Z')], 'P1', '2024-03-04T15:00:00Z', { state: 'waiting-on-customer', waitingMinutes: 0 }],
    ['messages out of order are sorted by date', [us('2024-03-04T11:00:00Z'), them('2024-03-04T09:00:00Z')], 'P1', '2024-03-04T15:00:00Z', { state: 'waiting-on-customer' }],
    // First wait 50 min (answered), second wait 30 min now: response 30/60 beats resolution 80/480.
    ['after the customer writes again, the response clock restarts', [them('2024-03-04T09:00:00Z'), us('2024-03-04T09:50:00Z'), them('2024-03-04T12:00:00Z')], 'P1', '2024-03-04T12:30:00Z', { state: 'ok', waitingMinutes: 30, clock: 'response', targetMinutes: 60 }],
    // Earlier waits 400 min; now 20 more: resolution 420/480 = 0.875 beats response 20/60.
    ['long earlier waits put resolution at risk', [them('2024-03-04T08:00:00Z'), us('2024-03-04T14:40:00Z'), them('2024-03-05T08:00:00Z')], 'P1', '2024-03-05T08:20:00Z', { state: 'at-risk', waitingMinutes: 20, clock: 'resolution', targetMinutes: 480, dueAt: '2024-03-05T09:20:00.000Z' }],
    ['without business hours, every minute counts', [them('2024-03-09T10:00:00Z')], 'P1', '2024-03-09T12:00:00Z', { state: 'breached', waitingMinutes: 120 }],
  ])('%s', (_name, messages, priority, now, expected) => {
    const useHours = !_name.startsWith('without business hours');
    const clock = slaClock({ messages, priority, settings: useHours ? settings : roundTheClock, now: new Date(now) });
    expect(clock).toMatchObject(expected);
  });

  it('stops the clock of a resolved conversation', () => {
    const clock = slaClock({ messages: [them('2024-03-04T09:00:00Z')], priority: 'P1', settings, now: new Date('2024-03-06T09:00:00Z'), resolved: true });
    expect(clock.state).toBe('ok');
  });

  test.each<[Priority, number, number]>([
    ['P1', 60, 480],
    ['P2', 240, 1440],
    ['P3', 480, 2400],
    ['P4', 1440, 4800],
  ])('default %s targets: %i min first response, %i min resolution', (priority, first, resolution) => {
    expect(settings.targets[priority]).toEqual({ firstResponseMinutes: first, resolutionMinutes: resolution });
  });
});

test('customerWaitingStretches pairs each first unanswered customer message with our next reply', () => {
  const stretches = customerWaitingStretches(
    [them('2024-03-04T09:00:00Z'), them('2024-03-04T09:10:00Z'), us('2024-03-04T10:00:00Z'), us('2024-03-04T10:05:00Z'), them('2024-03-04T11:00:00Z')],
    new Date('2024-03-04T12:00:00Z'),
  );
  expect(stretches.map((s) => [s.from.toISOString(), s.to.toISOString()])).toEqual([
    ['2024-03-04T09:00:00.000Z', '2024-03-04T10:00:00.000Z'],
    ['2024-03-04T11:00:00.000Z', '2024-03-04T12:00:00.000Z'],
  ]);
});

test.each<[string, SlaMessage[], number | undefined]>([
  ['not answered yet', [them('2024-03-04T09:00:00Z')], undefined],
  ['answered across the weekend', [them('2024-03-08T15:30:00Z'), us('2024-03-11T08:20:00Z')], 50],
  ['we wrote first, then answered the customer', [us('2024-03-04T08:00:00Z'), them('2024-03-04T09:00:00Z'), us('2024-03-04T09:05:00Z')], 5],
])('firstResponseBusinessMinutes when %s', (_name, messages, expected) => {
  expect(firstResponseBusinessMinutes(messages, settings.businessHours)).toBe(expected);
});

test.each<[string, SlaMessage[], Priority, string, boolean | undefined]>([
  ['answered within the hour', [them('2024-03-04T09:00:00Z'), us('2024-03-04T09:40:00Z')], 'P1', '2024-03-05T09:00:00Z', true],
  ['answered late', [them('2024-03-04T09:00:00Z'), us('2024-03-04T10:30:00Z')], 'P1', '2024-03-05T09:00:00Z', false],
  ['answered in time over the weekend', [them('2024-03-08T15:30:00Z'), us('2024-03-11T08:20:00Z')], 'P1', '2024-03-12T09:00:00Z', true],
  ['still waiting, not late yet: open', [them('2024-03-04T09:00:00Z')], 'P1', '2024-03-04T09:30:00Z', undefined],
  ['still waiting and already late', [them('2024-03-04T09:00:00Z')], 'P1', '2024-03-04T11:00:00Z', false],
  ['each reply in time but too much waiting overall', [them('2024-03-04T08:00:00Z'), us('2024-03-04T08:55:00Z'), them('2024-03-04T09:00:00Z'), us('2024-03-04T09:55:00Z'), them('2024-03-04T10:00:00Z'), us('2024-03-04T10:55:00Z'), them('2024-03-04T11:00:00Z'), us('2024-03-04T11:55:00Z'), them('2024-03-04T12:00:00Z'), us('2024-03-04T12:55:00Z'), them('2024-03-04T13:00:00Z'), us('2024-03-04T13:55:00Z'), them('2024-03-04T14:00:00Z'), us('2024-03-04T14:55:00Z'), them('2024-03-05T08:00:00Z'), us('2024-03-05T08:55:00Z'), them('2024-03-05T09:00:00Z'), us('2024-03-05T09:55:00Z')], 'P1', '2024-03-06T09:00:00Z', false],
  ['no customer message at all', [us('2024-03-04T09:00:00Z')], 'P1', '2024-03-05T09:00:00Z', undefined],
])('slaMet when %s', (_name, messages, priority, now, expected) => {
  expect(slaMet({ messages, priority, settings, now: new Date(now) })).toBe(expected);
});
