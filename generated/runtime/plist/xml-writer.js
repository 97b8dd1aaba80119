// Copied by dmspec from generator/runtime/plist/xml-writer.ts. Do not edit: change that file and run "npm run generate".
import { BAD_CHAR, codePoint, encodeBase64, isoSeconds } from "./text.js";
import { entriesToWrite, INTEGER_MAX, INTEGER_MIN, isPlistReal, pathTo, plistTypeOf, unwritable, WRITE_MAX_DEPTH } from "./values.js";
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n';
const SPECIAL = /[&<>\r]/g;
const ESCAPES = { "&": "amp", "<": "lt", ">": "gt", "\r": "#13" };
const CANNOT_HOLD = " cannot hold (a binary plist can)";
const escape = (s, path) => {
  const bad = BAD_CHAR.exec(s);
  if (bad) unwritable(path, `the string holds ${codePoint(bad[0])}, which XML${CANNOT_HOLD}`);
  return s.replace(SPECIAL, (c) => `&${ESCAPES[c]};`);
};
const checkInteger = (n, path) => {
  if (typeof n === "bigint" ? n < INTEGER_MIN || n > INTEGER_MAX : !Number.isSafeInteger(n)) unwritable(path, `the integer ${n} is outside the range property lists hold`);
};
function toXmlPlist(value) {
  let out = HEAD;
  const ancestors = /* @__PURE__ */ new Set();
  const line = (text) => {
    out += `${"	".repeat(ancestors.size)}${text}
`;
  };
  const element = (tag, text) => line(`<${tag}>${text}</${tag}>`);
  const write = (v, path) => {
    const type = plistTypeOf(v);
    switch (type) {
      case "string":
        return element(type, escape(v, path));
      case "integer":
        checkInteger(v, path);
        return element(type, String(v));
      case "real": {
        const n = isPlistReal(v) ? v.value : v;
        const t = Object.is(n, -0) ? "-0" : String(n);
        return element(type, t === "NaN" ? "nan" : t.replace("Infinity", "inf"));
      }
      case "boolean":
        return line(`<${v}/>`);
      case "date": {
        const d = v;
        const ms = d.getTime();
        if (isNaN(ms)) unwritable(path, "an invalid Date");
        if (ms % 1e3) unwritable(path, `the date ${d.toISOString()} has milliseconds, which XML plist dates${CANNOT_HOLD}`);
        const year = d.getUTCFullYear();
        if (year < 0 || year > 9999) unwritable(path, `the year ${year} does not fit an XML plist date`);
        return element(type, isoSeconds(d));
      }
      case "data": {
        const text = encodeBase64(v);
        if (text.length <= 68) return element(type, text);
        line("<data>");
        for (const part of text.match(/.{1,68}/g)) line(part);
        return line("</data>");
      }
      case "array":
      case "dict": {
        const container = v;
        if (ancestors.has(container)) unwritable(path, "the value contains itself");
        if (ancestors.size >= WRITE_MAX_DEPTH) unwritable(path, `nesting deeper than ${WRITE_MAX_DEPTH} levels`);
        const entries = type === "dict" ? entriesToWrite(container) : void 0;
        const items = entries ?? container;
        if (!items.length) return line(`<${type}/>`);
        line(`<${type}>`);
        ancestors.add(container);
        for (let i = 0; i < items.length; i++) {
          const at = pathTo(path, entries ? entries[i][0] : i);
          if (entries) line(`<key>${escape(entries[i][0], at)}</key>`);
          write(entries ? entries[i][1] : items[i], at);
        }
        ancestors.delete(container);
        return line(`</${type}>`);
      }
      default:
        unwritable(path, `${v === null ? "null" : typeof v === "object" ? "an object that is not a plain dictionary" : typeof v} has no plist form`);
    }
  };
  write(value, "");
  return `${out}</plist>
`;
}
export {
  checkInteger,
  toXmlPlist
};
