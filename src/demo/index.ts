/** `npm run demo`: the sandbox, the app and the Slack stand-in, and a scripted conversation. */
export { type DemoStack, startDemoStack } from './demo-stack';
export { runDemo } from './run-demo';
