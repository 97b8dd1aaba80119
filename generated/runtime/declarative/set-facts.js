// Copied by dmspec from generator/runtime/declarative/set-facts.ts. Do not edit: change that file and run "npm run generate".
const MAX_VALUES = 1e4;
const isDict = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function payloadValues(payload, path) {
  let here = [["", payload]];
  for (const part of path.split(".")) {
    const each = part.endsWith("[]");
    const key = each ? part.slice(0, -2) : part;
    const next = [];
    for (const [at, v] of here) {
      if (!isDict(v)) continue;
      const keys = key === "*" ? Object.keys(v) : Object.prototype.hasOwnProperty.call(v, key) ? [key] : [];
      for (const k of keys) {
        const p = at === "" ? k : `${at}.${k}`;
        const child = v[k];
        if (!each) next.push([p, child]);
        else if (Array.isArray(child)) {
          const n = Math.min(child.length, MAX_VALUES);
          for (let i = 0; i < n; i++) if (Object.prototype.hasOwnProperty.call(child, i)) next.push([`${p}[${i}]`, child[i]]);
        }
        if (next.length > MAX_VALUES) return next.slice(0, MAX_VALUES);
      }
    }
    here = next;
  }
  return here;
}
export {
  payloadValues
};
