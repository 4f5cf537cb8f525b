/** Reading the buttons of a reply or a view the app sent, as a Slack client would show them. */

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
}

function* elementsOf(node: unknown): Generator<Element> {
  if (Array.isArray(node)) {
    for (const item of node) yield* elementsOf(item);
  } else if (typeof node === 'object' && node !== null) {
    const element = node as Element;
    if (typeof element.action_id === 'string') yield element;
    for (const child of Object.values(node)) yield* elementsOf(child);
  }
}

/** The value of the first button with this action id in `blocks`; throws when there is none. */
export function buttonValue(blocks: unknown, actionId: string): string {
  for (const element of elementsOf(blocks)) {
    if (element.type === 'button' && element.action_id === actionId && element.value) {
      return element.value;
    }
  }
  throw new Error(`no ${actionId} button in ${JSON.stringify(blocks).slice(0, 400)}`);
}
