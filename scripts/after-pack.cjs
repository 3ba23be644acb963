// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before it is
// signed and wrapped into an installer (see https://www.electronjs.org/docs/latest/tutorial/fuses).
// Off: running as plain Node (ELECTRON_RUN_AS_NODE), NODE_OPTIONS, --inspect arguments, and the
// extra privileges of file:// (the renderer is served from app://stancebook). On: the ASAR
// integrity check, loading the app only from app.asar, and cookie encryption.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(), so this file is CommonJS
const path = require('node:path');

/** The fuse settings, by name, for the packaging test to check against. */
const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

/** The Electron binary (or .app bundle) electron-builder wrote for this platform. */
function packagedBinary(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const config = {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* Arch.arm64 */,
  };
  for (const [name, value] of Object.entries(FUSES)) config[FuseV1Options[name]] = value;
  const binary = packagedBinary(context);
  await flipFuses(binary, config);
  console.log(
    `  • fuses flipped in ${path.relative(process.cwd(), binary)}: ${Object.entries(FUSES)
      .map(([n, v]) => `${n}=${v ? 'on' : 'off'}`)
      .join(', ')}`,
  );
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
