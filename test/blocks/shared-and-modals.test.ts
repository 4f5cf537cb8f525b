import {
  confirmShareModal,
  lookupModal,
  refusedShareModal,
  renderForwarding,
  renderLookup,
  renderShared,
} from '../../src/blocks';
import { ActionIds, BlockIds, CallbackIds } from '../../src/blocks/ids';
import { ext, forwarding, num, prefix, whoOwns } from './fixtures';
import { buttonByAction, buttons, shownText } from './helpers';

const share = { shareable: true };
const AT = new Date(Date.UTC(2026, 10, 27, 14, 5));

describe('shared copy', () => {
  const original = renderLookup(
    prefix({
      extension: ext({ extensionNumber: '1650' }),
      page: { total: 134, offset: 20, limit: 20, items: [num()] },
    }),
    share,
  );

  test('keeps the content, drops every button, names the sharer and the time', () => {
    const shared = renderShared(original, 'U0BOB', AT);
    expect(buttons(shared)).toEqual([]);
    expect(shared.blocks.some((block) => block.type === 'actions')).toBe(false);
    const text = shownText(shared);
    expect(text).toContain('+1 650 331 6252');
    expect(text).toContain('Shared by <@U0BOB> · <!date^');
    expect(text).toContain('27 Nov 2026, 14:05 UTC');
    expect(shared.text).toContain(original.text);
  });

  test('accessory buttons go too, and a bad sharer id is not turned into markup', () => {
    const withAccessory = {
      text: 'x',
      blocks: [
        {
          type: 'section' as const,
          text: { type: 'mrkdwn' as const, text: 'hi' },
          accessory: {
            type: 'button' as const,
            text: { type: 'plain_text' as const, text: 'b' },
            action_id: 'a',
          },
        },
      ],
    };
    const shared = renderShared(withAccessory, '<!channel>', AT);
    expect(buttons(shared)).toEqual([]);
    expect(shownText(shared)).not.toContain('<!channel>');
  });

  test('stays within 50 blocks when the original was full', () => {
    const full = {
      text: 'x',
      blocks: Array.from({ length: 50 }, () => ({ type: 'divider' as const })),
    };
    expect(renderShared(full, 'U0BOB', AT).blocks).toHaveLength(50);
  });
});

describe('lookup modal', () => {
  test('search box dispatches on Enter, with the ids listeners expect', () => {
    const view = lookupModal({ state: 'ready', query: '1650', privateMetadata: '{"c":"C1"}' });
    expect(view.callback_id).toBe(CallbackIds.lookupModal);
    expect(view.title.text).toBe('rcnumber');
    expect(view.private_metadata).toBe('{"c":"C1"}');
    const [input] = view.blocks;
    expect(input).toMatchObject({
      type: 'input',
      block_id: BlockIds.search,
      dispatch_action: true,
      element: {
        type: 'plain_text_input',
        action_id: ActionIds.searchInput,
        initial_value: '1650',
        dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
      },
    });
  });

  test('loading state says it is searching', () => {
    const view = lookupModal({ state: 'loading', query: '1650' });
    expect(shownText(view)).toContain('Searching for “1650”…');
    expect(view.blocks.map((block) => block.block_id)).toContain(BlockIds.results);
  });

  test('results keep Numbers/Forwarding buttons but lose Share', () => {
    const results = renderLookup(whoOwns(), share);
    expect(buttonByAction(results, ActionIds.share)).toHaveLength(1);
    const view = lookupModal({ state: 'ready', query: '+16503316252', results });
    expect(buttonByAction(view, ActionIds.share)).toEqual([]);
    expect(buttonByAction(view, ActionIds.showNumbers)).toHaveLength(1);
    expect(buttonByAction(view, ActionIds.showForwarding)).toHaveLength(1);
    const fwdView = lookupModal({ state: 'ready', results: renderForwarding(forwarding(), share) });
    expect(buttonByAction(fwdView, ActionIds.shareForwarding)).toEqual([]);
    expect(fwdView.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  test('metadata too long for Slack is left out rather than cut', () => {
    expect(
      lookupModal({ state: 'ready', privateMetadata: 'x'.repeat(3001) }).private_metadata,
    ).toBeUndefined();
  });
});

describe('share confirmation', () => {
  test('warns how many personal numbers reach how many members', () => {
    const view = confirmShareModal({
      channelName: 'it-ops',
      memberCount: 42,
      personalCount: 3,
      privateMetadata: 'm',
    });
    expect(view.callback_id).toBe(CallbackIds.confirmShare);
    expect(view.submit?.text).toBe('Share');
    expect(view.close?.text).toBe('Cancel');
    expect(view.private_metadata).toBe('m');
    expect(shownText(view)).toContain(
      'This shows 3 personal numbers to the 42 members of #it-ops.',
    );
  });

  test('singular words and no personal numbers', () => {
    const view = confirmShareModal({ channelName: '#x', memberCount: 1, personalCount: 0 });
    expect(shownText(view)).toContain('This list holds no personal numbers.');
    expect(shownText(view)).toContain('This shows the reply to the 1 member of #x.');
    expect(shownText(view)).not.toMatch(/:warning:|other organisations|changed/);
    const one = confirmShareModal({ channelName: 'x', memberCount: 2, personalCount: 1 });
    expect(shownText(one)).toContain('This shows 1 personal number to the 2 members of #x.');
  });

  test('names a channel shared with other organisations, and a list that changed', () => {
    const view = confirmShareModal({
      channelName: 'it-ops',
      memberCount: 9,
      personalCount: 3,
      sharedExternally: true,
      changed: true,
    });
    expect(shownText(view)).toContain('#it-ops is shared with other organisations');
    expect(shownText(view)).toContain('The list changed since you confirmed it.');
  });

  test('a refused confirmation says why and offers no Share button', () => {
    const view = refusedShareModal('other_member');
    expect(view.submit).toBeUndefined();
    expect(shownText(view)).toContain('This confirmation was made for someone else');
    expect(shownText(refusedShareModal('changed'))).toContain(
      'This confirmation was changed; nothing was shared.',
    );
  });
});
