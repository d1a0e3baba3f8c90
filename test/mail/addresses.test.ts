import { describe, expect, it } from 'vitest';
import { personFrom } from '../../lib/mail/addresses';

describe('personFrom', () => {
  it.each([
    ['Ann Lee <ann@x.com>', { name: 'Ann Lee', email: 'ann@x.com' }],
    ['From: Ann Lee <ann@x.com>', { name: 'Ann Lee', email: 'ann@x.com' }],
    ['"Lee, Ann" <ANN@x.com>', { name: 'Lee, Ann', email: 'ann@x.com' }],
    ['ann@x.com', { name: '', email: 'ann@x.com' }],
    ['<ann@x.com>', { name: '', email: 'ann@x.com' }],
    ['Ann <mailto:ann@x.com>', { name: 'Ann', email: 'ann@x.com' }],
    ['发件人：王芳 <wang@x.cn>', { name: '王芳', email: 'wang@x.cn' }],
    ['Pat Doe </O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=PAT>', { name: 'Pat Doe', email: '' }],
    ['Pat Doe <unknown>', { name: 'Pat Doe', email: '' }],
  ])('reads %s', (text, person) => {
    expect(personFrom(text)).toEqual(person);
  });

  it('keeps markup written in a name as the text it is, dropping only the address', () => {
    expect(personFrom('From: <b>Bob</b> <img src=x onerror=alert(1)> <bob@x.com>')).toEqual({
      name: '<b>Bob</b> <img src=x onerror=alert1>',
      email: 'bob@x.com',
    });
    expect(personFrom('From: a <script>steal</script> b <c@evil.example>').name).toBe('a <script>steal</script> b');
    // The address is the one in the trailing brackets, not one written earlier in the name.
    expect(personFrom('<a href="mailto:x@spoof.example">Bob</a> <bob@x.com>')).toEqual({ name: 'Bob</a>', email: 'bob@x.com' });
  });

  it('takes the fallback name when the text has only an address', () => {
    expect(personFrom('<ann@x.com>', ' Ann ')).toEqual({ name: 'Ann', email: 'ann@x.com' });
  });
});
