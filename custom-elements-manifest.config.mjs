// @custom-elements-manifest/analyzer (`npm run analyze`, and the package's manifest in
// scripts/build-package.ts). It must not rewrite package.json's "customElements": that
// field names the package's own manifest, dist/custom-elements.json.
export default {
  packagejson: false,
};
