import { createTransport } from 'nodemailer';
import { HttpReceiver } from './http-receiver';
import { SmtpInbox } from './smtp-inbox';

describe('test receivers', () => {
  it('SmtpInbox keeps what a real SMTP client delivered, parsed', async () => {
    const inbox = await SmtpInbox.start();
    try {
      await createTransport(inbox.url).sendMail({
        from: 'nps@example.com',
        to: 'Anna <anna@example.com>',
        subject: 'Hoe waarschijnlijk…',
        text: 'tien',
        html: '<a href="http://x/s/t?score=10">10</a>',
      });
      const mail = await inbox.waitFor('anna@example.com');
      expect(mail.subject).toBe('Hoe waarschijnlijk…');
      expect(mail.html).toContain('href="http://x/s/t?score=10"');
      expect(inbox.to('someone-else@example.com')).toEqual([]);
    } finally {
      await inbox.stop();
    }
  });

  it('HttpReceiver records requests and answers with the scripted statuses', async () => {
    const receiver = await HttpReceiver.start();
    try {
      receiver.respondWith(503);
      const first = await fetch(receiver.url('/hook'), {
        method: 'POST',
        body: '{"a":1}',
        headers: { 'content-type': 'application/json' },
      });
      const second = await fetch(receiver.url('/hook'), { method: 'POST', body: '{"a":2}' });
      expect([first.status, second.status]).toEqual([503, 200]);
      const request = await receiver.waitFor((r) => r.body === '{"a":2}');
      expect(request).toMatchObject({ method: 'POST', path: '/hook' });
      expect(receiver.requests[0].headers['content-type']).toBe('application/json');
    } finally {
      await receiver.stop();
    }
  });
});
