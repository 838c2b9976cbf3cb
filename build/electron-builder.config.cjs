// electron-builder configuration for Eiland: `npm run dist` (after `node build/build.mjs`).
// CommonJS on purpose: electron-builder and the unit tests both `require` it as it is.
//
// What goes into the app: only the built output (dist/), package.json and the production
// dependencies (electron-builder adds those from node_modules itself). Sources, tests and CI files
// never ship; the `!` patterns below make that explicit, so a future broad pattern cannot undo it.

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'nl.eiland.app',
  productName: 'Eiland',
  copyright: 'Copyright © Eiland',
  directories: {
    output: 'release',
    buildResources: 'build/resources',
  },
  // The one source, 1024 × 1024. Each platform gets icons derived from it by build/make-icon.mjs
  // (kept in the repository, checked by test/unit/build/icons.test.ts), so packaging needs no
  // image tool and every machine makes the same installer.
  icon: 'assets/icon.png',
  files: [
    'dist/**/*',
    '!dist/**/*.map',
    'package.json',
    // Sources and everything that is not the app, at the project root.
    '!{src,electron,renderer,shared,test,.ci,docs}{,/**/*}',
    '!**/*.{ts,tsx,mts,cts}',
    // better-sqlite3 ships its C sources and the SQLite amalgamation next to the prebuilt binaries.
    '!**/node_modules/better-sqlite3/{src,deps}{,/**/*}',
  ],
  // The host is started from dist/electron/shell.cjs as dist/host/main.mjs; package.json says the same.
  extraMetadata: {
    main: 'dist/electron/shell.cjs',
  },
  asar: true,
  // Native .node files cannot be loaded from inside an asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**'],
  // better-sqlite3 ships prebuilt Node-API binaries that serve Node and Electron alike: nothing to
  // rebuild, and a rebuild would need a compiler and Electron headers from the internet.
  npmRebuild: false,
  nodeGypRebuild: false,
  // Double-clicking an exported archive opens Eiland, which imports it (electron/shell/open-archive.ts).
  // Windows and macOS show the app icon for these files; Linux registers the MIME type.
  fileAssociations: [
    {
      ext: 'eiland',
      name: 'Eiland-sessie',
      description: 'Eiland-sessiebestand',
      mimeType: 'application/x-eiland-session',
      role: 'Editor',
    },
  ],
  win: {
    target: ['nsis', 'portable'],
    icon: 'build/resources/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder expands these ${…} macros itself.
    artifactName: '${productName}-${version}-setup.${ext}',
  },
  portable: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder expands these ${…} macros itself.
    artifactName: '${productName}-${version}-portable.${ext}',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'build/resources/icon.icns',
  },
  dmg: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder expands these ${…} macros itself.
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'eiland',
    // A folder of NxN.png files: electron-builder reads the sizes from the names.
    icon: 'build/resources/icons',
    synopsis: 'Offline hulpmiddel voor reflectiesessies',
    // Debian packages require a maintainer with an e-mail address.
    maintainer: 'Eiland <eiland@example.invalid>',
  },
};

module.exports = config;
