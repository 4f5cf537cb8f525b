import type { App } from '@slack/bolt';
import type { Services } from '../../services';

export function registerEvents(_app: App, _services: Services): void {}
