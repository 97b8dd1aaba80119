// Copied by dmspec from generator/runtime/plist/xml-writer.ts. Do not edit: change that file and run "npm run generate".
import { BAD_CHAR, encodeBase64 } from "./text.js";
import { entriesToWrite, INTEGER_MAX, INTEGER_MIN, isPlistReal, pathTo, plistTypeOf, unwritable, WRITE_MAX_DEPTH } from "./values.js";
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n';
const SPECIAL = /[&<>\r]/g;
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
function escape(s, path) {
  const bad = BAD_CHAR.exec(s);
  if (bad) throw unwritable(path, `the string holds U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}, which XML cannot hold (a binary plist can)`);
  return s.replace(SPECIAL, (c) => ESCAPES[c]);
}
function realText(n) {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  return Object.is(n, -0) ? "-0" : String(n);
}
function dateText(d, path) {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw unwritable(path, "an invalid Date");
  if (ms % 1e3 !== 0) throw unwritable(path, `the date ${d.toISOString()} has milliseconds, which XML plist dates cannot hold (a binary plist can)`);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw unwritable(path, `the year ${year} does not fit an XML plist date`);
  return `${d.toISOString().slice(0, 19)}Z`;
}
function checkInteger(n, path) {
  if (typeof n === "bigint" ? n < INTEGER_MIN || n > INTEGER_MAX : !Number.isSafeInteger(n)) throw unwritable(path, `the integer ${n} is outside the range property lists hold`);
}
function toXmlPlist(value) {
  const out = [HEAD];
  const ancestors = /* @__PURE__ */ new Set();
  const write = (v, indent, path) => {
    const type = plistTypeOf(v);
    switch (type) {
      case "string":
        out.push(`${indent}<string>${escape(v, path)}</string>
`);
        return;
      case "integer":
        checkInteger(v, path);
        out.push(`${indent}<integer>${String(v)}</integer>
`);
        return;
      case "real":
        out.push(`${indent}<real>${realText(isPlistReal(v) ? v.value : v)}</real>
`);
        return;
      case "boolean":
        out.push(`${indent}${v ? "<true/>" : "<false/>"}
`);
        return;
      case "date":
        out.push(`${indent}<date>${dateText(v, path)}</date>
`);
        return;
      case "data": {
        const text = encodeBase64(v);
        if (text.length <= 68) out.push(`${indent}<data>${text}</data>
`);
        else {
          out.push(`${indent}<data>
`);
          for (let i = 0; i < text.length; i += 68) out.push(`${indent}${text.slice(i, i + 68)}
`);
          out.push(`${indent}</data>
`);
        }
        return;
      }
      case "array":
      case "dict": {
        const container = v;
        if (ancestors.has(container)) throw unwritable(path, "the value contains itself");
        if (ancestors.size >= WRITE_MAX_DEPTH) throw unwritable(path, `nesting deeper than ${WRITE_MAX_DEPTH} levels`);
        const entries = type === "dict" ? entriesToWrite(container) : void 0;
        const items = entries ?? container;
        if (items.length === 0) {
          out.push(`${indent}<${type}/>
`);
          return;
        }
        ancestors.add(container);
        out.push(`${indent}<${type}>
`);
        const inner = `${indent}	`;
        if (entries) {
          for (const [key, item] of entries) {
            out.push(`${inner}<key>${escape(key, pathTo(path, key))}</key>
`);
            write(item, inner, pathTo(path, key));
          }
        } else {
          const array = container;
          for (let i = 0; i < array.length; i++) write(array[i], inner, pathTo(path, i));
        }
        out.push(`${indent}</${type}>
`);
        ancestors.delete(container);
        return;
      }
      default:
        throw unwritable(path, `${v === null ? "null" : typeof v === "object" ? "an object that is not a plain dictionary" : typeof v} has no plist form`);
    }
  };
  write(value, "", "");
  out.push("</plist>\n");
  return out.join("");
}
export {
  checkInteger,
  realText,
  toXmlPlist
};
