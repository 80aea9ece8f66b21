// The SLD rules of a layer as the server translated them (/api/v1/layers → rules): which rules apply
// to a feature at a zoom. SLD semantics: every rule whose filter and scale range fit draws the
// feature; an ElseFilter rule takes the features no other rule of the style takes.

/** OGC scale denominator of a web-mercator zoom (0.28 mm pixels), as LayerDefinition.scaleDenominatorAtZoom. */
export function scaleAtZoom(zoom) {
  return 559082264.028 / Math.pow(2, zoom);
}

// The styles give denominators rounded to hundredths, e.g. 136494.69 for z12's 136494.693: a zoom
// whose scale equals a bound to that rounding counts as inside it, at both ends.
const ROUNDING = 1e-6;

export function inScale(rule, zoom) {
  const scale = scaleAtZoom(zoom);
  if (rule.minScaleDenominator != null && scale < rule.minScaleDenominator * (1 - ROUNDING)) return false;
  if (rule.maxScaleDenominator != null && scale >= rule.maxScaleDenominator * (1 + ROUNDING)) return false;
  return true;
}

function compare(a, b) {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export function matches(filter, props) {
  if (!filter) return true;
  const value = filter.property === undefined ? undefined : props[filter.property];
  switch (filter.op) {
    case 'and': return filter.filters.every(f => matches(f, props));
    case 'or': return filter.filters.some(f => matches(f, props));
    case 'not': return !matches(filter.filters[0], props);
    case 'null': return value === null || value === undefined;
    case '=': return value !== null && value !== undefined && compare(value, filter.value) === 0;
    case '<>': return value !== null && value !== undefined && compare(value, filter.value) !== 0;
    case '<': return value !== null && value !== undefined && compare(value, filter.value) < 0;
    case '<=': return value !== null && value !== undefined && compare(value, filter.value) <= 0;
    case '>': return value !== null && value !== undefined && compare(value, filter.value) > 0;
    case '>=': return value !== null && value !== undefined && compare(value, filter.value) >= 0;
    default: return false; // the server refuses other filters; an unknown one selects nothing
  }
}

/** The rules that draw a feature with these properties at this zoom, in SLD order. */
export function rulesFor(rules, props, zoom) {
  const inRange = rules.filter(r => inScale(r, zoom));
  const chosen = inRange.filter(r => !(r.filter && r.filter.op === 'else') && matches(r.filter, props));
  if (chosen.length === 0) return inRange.filter(r => r.filter && r.filter.op === 'else');
  return chosen;
}
