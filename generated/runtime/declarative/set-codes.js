// Copied by dmspec from generator/runtime/declarative/set-codes.ts. Do not edit: change that file and run "npm run generate".
