import { expect, it, test } from 'vitest';
import { htmlMailText, newText } from '../../lib/kb/mail-text';

test.each([
  ['Gmail attribution', 'Thanks!\n\nOn Mon, Mar 4, 2024 at 9:15 AM Ann <a@x.com> wrote:\n> hi', 'Thanks!'],
  ['wrapped Gmail attribution', 'Thanks!\n\nOn Mon, Mar 4, 2024 at 9:15 AM Ann Lee <\nann@x.com> wrote:\n> hi', 'Thanks!'],
  ['Chinese Gmail attribution', '好的\n\n王小明 <w@x.cn> 于2024年3月5日周二 10:00写道：\n> 你好', '好的'],
  ['German Gmail attribution', 'Danke\n\nAm Mo., 4. März 2024 um 10:00 Uhr schrieb Ann <a@x.de>:\n> hallo', 'Danke'],
  ['Outlook header block', 'Sure.\n\n________________________________\nFrom: Ann <a@x.com>\nSent: Monday\nTo: me\n\nold', 'Sure.'],
  ['Chinese Outlook header block', '可以。\n\n发件人: 王小明\n发送时间: 2024年3月5日\n收件人: 我\n\n旧内容', '可以。'],
  ['Original Message line', 'Yes.\n-----Original Message-----\nFrom: x', 'Yes.'],
  ['inline > quotes', 'Answer one\n> question one\nAnswer two', 'Answer one\nAnswer two'],
  ['signature delimiter', 'Hello\n\n-- \nSam\nAcme', 'Hello'],
  ['iPhone sign-off', 'Where is it?\n\nSent from my iPhone', 'Where is it?'],
  ['Chinese phone sign-off', '在吗？\n\n发自我的iPhone', '在吗？'],
  ['nothing to strip', 'Line one\n\n\n\nLine two  ', 'Line one\n\nLine two'],
  ['a "From:" line that is not a header block', 'From: my point of view, it is fine.\nThanks', 'From: my point of view, it is fine.\nThanks'],
])('strips the %s', (_what, input, expected) => {
  expect(newText(input)).toBe(expected);
});

it('removes the user’s configured signature whatever its line breaks', () => {
  expect(newText('Done!\n\nBest regards,\nSam   Lee\nAcme', { signatures: ['Best regards, Sam Lee\nAcme'] })).toBe('Done!');
});

test.each([
  ['<div>Hi,</div><div>yes&nbsp;&amp; done&#33;</div><div class="gmail_quote"><blockquote>old</blockquote></div>', 'Hi,\nyes & done!\n'],
  ['<p>One<br>Two</p><blockquote type="cite">quoted</blockquote>', 'One\nTwo\n'],
  ['<style>p{color:red}</style><p>Text &lt;b&gt;</p>', 'Text <b>\n'],
  ['<p>Reply</p><div id="appendonsend"></div><hr><b>From:</b> x', 'Reply\n'],
])('turns the HTML mail %j into its own text', (html, expected) => {
  expect(htmlMailText(html)).toBe(expected);
});
