/**
 * demo: `relais demo` for newcomers. Relais and the platform sandbox in one process, the
 * "Maison Lune" shop set up and connected, and a scripted day of customers writing in, so
 * the inbox comes alive and an answer typed in the console reaches the sandbox.
 */
export { runDemo, type Demo, type DemoOptions } from './run-demo.ts';
export { demoPlaces, namedDemoDir, DEFAULT_DEMO_DIR, type DemoPlaces } from './data-dir.ts';
