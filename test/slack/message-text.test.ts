import { messageText } from '../../src/slack/message-text';

describe('messageText', () => {
  it('reads numbers put in blocks and attachments, not only the fallback text', () => {
    const message = {
      text: 'New lead',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Call *+1 650 331 6252*' } },
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [{ type: 'text', text: 'or (650) 555-0123' }],
            },
          ],
        },
        { type: 'section', fields: [{ type: 'plain_text', text: 'ext 104' }] },
        { type: 'actions', elements: [{ type: 'button', action_id: 'x', value: '+19999999999' }] },
      ],
      attachments: [
        { fallback: 'Lead: +1 650 555 0199', fields: [{ title: 'Cell', value: '650-555-0142' }] },
      ],
    };
    const text = messageText(message);
    for (const part of [
      'New lead',
      '+1 650 331 6252',
      '(650) 555-0123',
      'ext 104',
      '+1 650 555 0199',
      '650-555-0142',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('leaves out what buttons carry, which nobody sees', () => {
    const message = {
      text: 'Lead',
      blocks: [
        { type: 'actions', elements: [{ type: 'button', action_id: 'x', value: '+19999999999' }] },
      ],
    };
    expect(messageText(message)).toBe('Lead');
  });

  it('keeps repeated words once, and reads nothing from a non-message', () => {
    const message = {
      text: 'Call +1 650 331 6252',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Call +1 650 331 6252' } }],
    };
    expect(messageText(message)).toBe('Call +1 650 331 6252');
    expect(messageText(undefined)).toBe('');
    expect(messageText('text')).toBe('');
  });
});
