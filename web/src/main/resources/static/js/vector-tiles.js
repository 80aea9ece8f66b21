// Built-in vector tiles (/tiles/{layer}/{z}/{x}/{y}.mvt) drawn on canvas by a Leaflet GridLayer.
// Decoding: @mapbox/vector-tile + pbf (vendored under /vendor with their licences). Canvas 2D works
// in every browser, including headless Chromium without WebGL. Clicks are answered by hit-testing
// the features drawn in the clicked tile. Labels are drawn with fillText: text, never HTML.
import { VectorTile } from '/vendor/mapbox-vector-tile-3.0.0/index.js';
import { PbfReader } from '/vendor/pbf-5.1.2/index.js';
import { rulesFor } from '/js/layer-style.js';

const TILE = 256;
const FONT_FALLBACK = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif';
const HIT_SLOP = 3; // px around a symbol that still counts as a click on it

function key(x, y, z) { return x + ':' + y + ':' + z; }

function pathStyle(style) {
  return {
    stroke: style.color ? { color: style.color, width: style.weight ?? 1, opacity: style.opacity ?? 1, dash: style.dashArray } : null,
    fill: style.fill && style.fillColor ? { color: style.fillColor, opacity: style.fillOpacity ?? 1 } : null,
  };
}

function applyStroke(ctx, stroke) {
  ctx.strokeStyle = stroke.color;
  ctx.globalAlpha = stroke.opacity;
  ctx.lineWidth = stroke.width;
  ctx.setLineDash(stroke.dash ? stroke.dash.split(/[\s,]+/).map(Number) : []);
  ctx.stroke();
}

function applyFill(ctx, fill) {
  ctx.fillStyle = fill.color;
  ctx.globalAlpha = fill.opacity;
  ctx.fill('evenodd');
}

function pointInRings(rings, x, y) {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if ((a.y > y) !== (b.y > y) && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

function distanceToLines(lines, x, y) {
  let best = Infinity;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const t = dx || dy ? Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy))) : 0;
      best = Math.min(best, Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy)));
    }
  }
  return best;
}

/**
 * A catalogue layer drawn from its vector tiles. options.def: the catalogue entry (id, tiles URL
 * template, rules, label attribute).
 */
export const VectorTileLayer = L.GridLayer.extend({
  initialize(def, options) {
    this.def = def;
    this.drawn = new Map(); // tile key → {coords, features: [{props, kind, shapes, box?}]}
    L.GridLayer.prototype.initialize.call(this, Object.assign({
      minZoom: def.minZoom, maxZoom: def.maxZoom, tileSize: TILE, updateWhenZooming: false,
    }, options));
    this.on('tileunload', e => this.drawn.delete(key(e.coords.x, e.coords.y, e.coords.z)));
  },

  createTile(coords, done) {
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = TILE * ratio;
    canvas.height = TILE * ratio;
    const url = this.def.tiles.replace('{z}', coords.z).replace('{x}', coords.x).replace('{y}', coords.y);
    fetch(url)
      .then(r => { if (!r.ok) throw new Error(url + ' → ' + r.status); return r.arrayBuffer(); })
      .then(buffer => {
        const ctx = canvas.getContext('2d');
        ctx.scale(ratio, ratio);
        this.drawn.set(key(coords.x, coords.y, coords.z), { coords, features: this.draw(ctx, buffer, coords.z) });
        done(null, canvas);
      })
      .catch(error => done(error, canvas));
    return canvas;
  },

  /** Draws every feature by every rule that applies to it; labels last, skipping overlapping ones. */
  draw(ctx, buffer, zoom) {
    const features = [];
    const layer = buffer.byteLength ? new VectorTile(new PbfReader(buffer)).layers[this.def.id] : null;
    if (!layer) return features;
    const scale = TILE / layer.extent;
    const labels = [];
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      const rules = rulesFor(this.def.rules, feature.properties, zoom);
      if (rules.length === 0) continue;
      const shapes = feature.loadGeometry().map(ring => ring.map(p => ({ x: p.x * scale, y: p.y * scale })));
      const drawnFeature = { props: feature.properties, kind: feature.type, shapes, radius: 0, width: 0 };
      let labelled = false;
      for (const rule of rules) {
        const style = rule.style;
        const { stroke, fill } = pathStyle(style);
        ctx.beginPath();
        if (feature.type === 1) {
          const r = style.radius ?? 4;
          drawnFeature.radius = Math.max(drawnFeature.radius, r + (stroke ? stroke.width : 0));
          for (const p of shapes.flat()) { ctx.moveTo(p.x + r, p.y); ctx.arc(p.x, p.y, r, 0, 2 * Math.PI); }
        } else {
          for (const ring of shapes) {
            ring.forEach((p, j) => (j === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
            if (feature.type === 3) ctx.closePath();
          }
          drawnFeature.width = Math.max(drawnFeature.width, stroke ? stroke.width : 0);
        }
        if (fill && feature.type !== 2) applyFill(ctx, fill);
        if (stroke) applyStroke(ctx, stroke);
        ctx.globalAlpha = 1;
        const label = style.label;
        if (!labelled && label && label.attribute && feature.type === 1 && feature.properties[label.attribute] != null) {
          labelled = true;
          labels.push({ feature: drawnFeature, at: shapes[0][0], label, offset: (style.radius ?? 4) + 2 });
        }
      }
      features.push(drawnFeature);
    }
    const placed = [];
    for (const { feature, at, label, offset } of labels) {
      const size = label.fontSize ?? 12;
      ctx.font = size + 'px ' + (label.fontFamily ? '"' + label.fontFamily + '", ' : '') + FONT_FALLBACK;
      const text = String(feature.props[label.attribute]);
      const width = ctx.measureText(text).width;
      const box = { x: at.x + offset, y: at.y - size / 2 - 1, w: width, h: size + 2 };
      if (placed.some(b => b.x < box.x + box.w && box.x < b.x + b.w && b.y < box.y + box.h && box.y < b.y + b.h)) continue;
      placed.push(box);
      feature.box = box;
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#ffffff';
      ctx.setLineDash([]);
      ctx.strokeText(text, box.x, at.y);
      ctx.fillStyle = label.color || '#222222';
      ctx.fillText(text, box.x, at.y);
    }
    return features;
  },

  /** The drawn feature under a map position (labels and symbols first, topmost first), or null. */
  featureAt(latlng) {
    const zoom = this._tileZoom;
    if (zoom === undefined || !this._map) return null;
    const p = this._map.project(latlng, zoom);
    const x = Math.floor(p.x / TILE);
    const y = Math.floor(p.y / TILE);
    const tile = this.drawn.get(key(x, y, zoom));
    if (!tile) return null;
    const px = p.x - x * TILE;
    const py = p.y - y * TILE;
    for (let i = tile.features.length - 1; i >= 0; i--) {
      const f = tile.features[i];
      if (f.box && px >= f.box.x - HIT_SLOP && px <= f.box.x + f.box.w + HIT_SLOP && py >= f.box.y && py <= f.box.y + f.box.h) return f.props;
      if (f.kind === 1 && f.shapes.flat().some(q => Math.hypot(q.x - px, q.y - py) <= f.radius + HIT_SLOP)) return f.props;
      if (f.kind === 2 && distanceToLines(f.shapes, px, py) <= f.width / 2 + HIT_SLOP) return f.props;
      if (f.kind === 3 && pointInRings(f.shapes, px, py)) return f.props;
    }
    return null;
  },

  /** Where the labelled features of the loaded tiles are drawn, in container pixels (for tests and tools). */
  drawnLabels() {
    const result = [];
    if (!this._map) return result;
    for (const tile of this.drawn.values()) {
      if (tile.coords.z !== this._tileZoom) continue;
      for (const f of tile.features) {
        if (!f.box) continue;
        const global = L.point(tile.coords.x * TILE + f.box.x + f.box.w / 2, tile.coords.y * TILE + f.box.y + f.box.h / 2);
        const point = this._map.latLngToContainerPoint(this._map.unproject(global, tile.coords.z));
        const size = this._map.getSize();
        if (point.x > 0 && point.y > 0 && point.x < size.x && point.y < size.y) {
          result.push({ props: f.props, x: point.x, y: point.y });
        }
      }
    }
    return result;
  },
});
