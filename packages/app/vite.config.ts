import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  build: { target: 'es2022', sourcemap: true },
  plugins: [
    VitePWA({
      // The person decides when a new version loads: nothing they are typing is swapped out under them.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Coplan — safeguarding partnership business plans',
        short_name: 'Coplan',
        description: 'Plan together: one living, shared business plan for the safeguarding partnership.',
        theme_color: '#1d4f91',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        // PNGs for iPads and Android launchers (made from icon.svg by scripts/make-icons.mjs); the SVG for the rest.
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/sync\//, /^\/api\//, /^\/healthz/, /^\/metrics/],
      },
    }),
  ],
});
