/// <reference types="vite/client" />

/** Version of the web app, taken from web/package.json at build time (see vite.config.ts). */
declare const __APP_VERSION__: string;
