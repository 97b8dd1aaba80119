// Copied by dmspec from generator/runtime/validator/types.ts. Do not edit: change that file and run "npm run generate".
const NO_OPTIONS = Object.freeze({});
export {
  NO_OPTIONS
};
