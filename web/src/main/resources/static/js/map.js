// The map for every user. Layers come from the catalogue (/api/v1/layers): from GeoServer's WMS 1.1.1
// when one is configured, otherwise built in — small layers as GeoJSON by bounding box drawn by
// Leaflet itself, large ones (place names) from the vector tiles drawn on canvas (vector-tiles.js;
// leaflet.vectorgrid's clicks are broken with Leaflet ≥ 1.8). Every layer is styled by all the rules
// of its SLD (filters and scale ranges). Data from the server reaches the page only through
// textContent (or escaped, where Leaflet insists on HTML); canvas labels are drawn as text.
import { VectorTileLayer } from '/js/vector-tiles.js';
import { inScale, rulesFor } from '/js/layer-style.js';

(function () {
  Object.assign(MESSAGES.zh, {
    layerAdmin: '图层管理', legend: '图例', search: '搜索行政区划名称', searchNone: '没有找到', record: '查看记录',
    coords: 'CGCS2000', lon: '经度', lat: '纬度', attribution: '行政区划：天地图（CGCS2000）、国家统计局；乡镇为派生示意',
  });
  Object.assign(MESSAGES.en, {
    layerAdmin: 'Layers', legend: 'Legend', search: 'Search division names', searchNone: 'Nothing found', record: 'Open record',
    coords: 'CGCS2000', lon: 'Lon', lat: 'Lat', attribution: 'Divisions: Tianditu (CGCS2000), NBS; townships derived',
  });
  I18N.apply();
  document.getElementById('lang').addEventListener('click', () => I18N.toggle());
  const en = I18N.lang === 'en';

  // CGCS2000 lon/lat differ from WGS84 by centimetres, so Leaflet's default CRS shows them as they are.
  // Explicit zoom limits: otherwise Leaflet clamps the map to the smallest minZoom of the tile layers
  // (place names from z11) and the overview at z8 could not be shown.
  const map = L.map('map', { zoomControl: true, minZoom: 3, maxZoom: 20 }).setView([30.2, 107.75], 8);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(escapeHtml(I18N.t('attribution')));
  L.control.scale({ imperial: false }).addTo(map);

  // Vector tiles draw above the GeoJSON layers; their pane lets clicks through (hit-testing below).
  map.createPane('vectorTiles').style.zIndex = 450;

  const MAX_BBOX = [89, 59]; // the server refuses larger boxes; see FeatureQuery
  const layers = {};
  const definitions = {};

  /** Leaflet's layer control and attribution take HTML strings: escape by way of textContent. */
  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  function title(def) { return en ? def.titleEn : def.titleZh; }

  function popupContent(def, props) {
    const box = document.createElement('div');
    box.className = 'popup';
    const heading = document.createElement('strong');
    heading.textContent = props[def.labelAttribute || def.idAttribute] ?? '';
    box.appendChild(heading);
    const list = document.createElement('dl');
    for (const attribute of def.attributes) {
      const value = props[attribute.name];
      if (value === null || value === undefined) continue;
      const dt = document.createElement('dt');
      dt.textContent = en ? attribute.titleEn : attribute.titleZh;
      const dd = document.createElement('dd');
      dd.textContent = String(value);
      list.append(dt, dd);
    }
    box.appendChild(list);
    if (def.derived || props.derived === true) {
      const warn = document.createElement('div');
      warn.className = 'derived';
      warn.textContent = I18N.t('derivedWarning');
      box.appendChild(warn);
    }
    if (def.recordPath) {
      const link = document.createElement('a');
      link.className = 'record';
      link.href = def.recordPath.replace('{id}', encodeURIComponent(props[def.idAttribute]));
      link.target = '_blank';
      link.textContent = I18N.t('record');
      box.appendChild(link);
    }
    return box;
  }

  function requestBox() {
    let b = map.getBounds().pad(0.5);
    let [w, s, e, n] = [Math.max(b.getWest(), -180), Math.max(b.getSouth(), -85), Math.min(b.getEast(), 180), Math.min(b.getNorth(), 85)];
    if (e - w > MAX_BBOX[0] || n - s > MAX_BBOX[1]) {
      const c = map.getCenter();
      w = Math.max(c.lng - MAX_BBOX[0] / 2, -180); e = Math.min(c.lng + MAX_BBOX[0] / 2, 180);
      s = Math.max(c.lat - MAX_BBOX[1] / 2, -85); n = Math.min(c.lat + MAX_BBOX[1] / 2, 85);
    }
    return [w, s, e, n].map(v => v.toFixed(5)).join(',');
  }

  /**
   * Leaflet draws one style per feature: the first SLD rule that applies at this zoom (SLD would draw
   * every applicable rule on top of each other; Mingjie's styles have one applicable rule per feature).
   * A feature no rule applies to is not drawn.
   */
  function featureStyle(def, properties) {
    const rule = rulesFor(def.rules, properties, map.getZoom())[0];
    // Undrawn paths are not clickable either: SVG hit-tests only what is painted.
    if (!rule) return { stroke: false, fill: false, radius: 0 };
    return Object.assign({ stroke: Boolean(rule.style.color) }, rule.style);
  }

  /** A small layer: GeoJSON of the view's bounding box, reloaded as the view moves. */
  function geoJsonLayer(def) {
    const layer = L.geoJSON(null, {
      style: feature => featureStyle(def, feature.properties),
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, featureStyle(def, feature.properties)),
      onEachFeature: (feature, l) => {
        l.bindPopup(() => popupContent(def, feature.properties));
        if (def.labelAttribute) {
          const label = document.createElement('span');
          label.textContent = feature.properties[def.labelAttribute];
          l.bindTooltip(label, { sticky: true });
        }
      },
    });
    let generation = 0;
    layer.reload = () => {
      const z = map.getZoom();
      if (!map.hasLayer(layer)) return Promise.resolve(layer);
      if (z < def.minZoom || z > def.maxZoom) { layer.clearLayers(); return Promise.resolve(layer); }
      const mine = ++generation;
      const url = def.features + '?bbox=' + requestBox() + '&zoom=' + z;
      return fetch(url, { headers: { Accept: 'application/geo+json' } })
        .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(data => { if (mine === generation) replaceFeatures(layer, data); return layer; })
        .catch(() => { document.getElementById('notice').textContent = I18N.t('loadError'); return layer; });
    };
    layer.on('add', () => layer.reload());
    layer.on('remove', () => layer.clearLayers());
    map.on('moveend', () => layer.reload());
    map.on('zoomend', () => layer.eachLayer(l => {
      const style = featureStyle(def, l.feature.properties);
      l.setStyle(style);
      if (l.setRadius) l.setRadius(style.radius);
    }));
    return layer;
  }

  /** A large layer: its vector tiles, drawn on canvas; clicks are hit-tested (see the click handler). */
  function tileLayer(def) {
    const layer = new VectorTileLayer(def, { pane: 'vectorTiles' });
    layer.reload = () => new Promise(resolve => {
      if (!map.hasLayer(layer) || !layer.isLoading()) { resolve(layer); return; }
      layer.once('load', () => resolve(layer));
    });
    return layer;
  }

  /**
   * Clicks on vector-tile features. Caught on the way down (capture phase), before Leaflet hands the
   * click to an SVG feature underneath (a district polygon covers every name): a hit opens the
   * feature's popup and ends the click there; a miss leaves it to Leaflet.
   */
  function vectorTileClicks() {
    const container = map.getContainer();
    const tiledLayers = () => Object.entries(layers).filter(([, l]) => l instanceof VectorTileLayer && map.hasLayer(l));
    // The pointer shows that a drawn name can be clicked, as it does over Leaflet's own features.
    map.on('mousemove', e => {
      const hit = tiledLayers().some(([, l]) => l.featureAt(e.latlng));
      container.classList.toggle('mj-over-feature', hit);
    });
    let down = null;
    container.addEventListener('pointerdown', e => { down = [e.clientX, e.clientY]; }, true);
    container.addEventListener('click', e => {
      if (e.target.closest('.leaflet-control, .leaflet-popup')) return;
      if (down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 4) return; // the end of a drag
      const latlng = map.mouseEventToLatLng(e);
      for (const [id, layer] of tiledLayers().reverse()) {
        const props = layer.featureAt(latlng);
        if (props) {
          e.stopPropagation();
          L.popup().setLatLng(latlng).setContent(popupContent(definitions[id], props)).openOn(map);
          return;
        }
      }
    }, true);
  }

  /**
   * Keeps the features still in view (and an open popup with them), drops the others, adds the new:
   * no flicker while panning, and a popup survives the reload its own click caused.
   */
  function replaceFeatures(layer, data) {
    const wanted = new Map(data.features.map(f => [String(f.id), f]));
    const simplifiedAt = map.getZoom();
    layer.eachLayer(l => {
      const id = String(l.feature.id);
      if (wanted.has(id) && l.simplifiedAt === simplifiedAt) wanted.delete(id);
      else if (!l.isPopupOpen()) layer.removeLayer(l);
      else wanted.delete(id);
    });
    for (const feature of wanted.values()) {
      layer.addData(feature);
    }
    layer.eachLayer(l => { if (l.simplifiedAt === undefined) l.simplifiedAt = simplifiedAt; });
  }

  /** The same layer from GeoServer: WMS 1.1.1 images; clicks ask our OGC API for the feature there. */
  function wmsLayer(def) {
    const layer = L.tileLayer.wms(def.wms.url, {
      layers: def.wms.layers, styles: def.wms.styles, format: def.wms.format, transparent: true,
      version: def.wms.version, minZoom: def.minZoom, maxZoom: def.maxZoom,
    });
    layer.reload = () => Promise.resolve(layer);
    map.on('click', event => {
      if (!map.hasLayer(layer)) return;
      const point = 'INTERSECTS(geometry, POINT(' + event.latlng.lng.toFixed(6) + ' ' + event.latlng.lat.toFixed(6) + '))';
      fetch('/ogc/collections/' + encodeURIComponent(def.id) + '/items?limit=1&filter=' + encodeURIComponent(point))
        .then(r => r.json())
        .then(fc => {
          if (fc.features && fc.features.length) {
            L.popup().setLatLng(event.latlng).setContent(popupContent(def, fc.features[0].properties)).openOn(map);
          }
        });
    });
    return layer;
  }

  function swatch(style, geometryType) {
    const box = document.createElement('span');
    box.className = 'swatch' + (geometryType.endsWith('Point') ? ' point' : '');
    box.style.borderColor = style.color || 'transparent';
    box.style.borderWidth = Math.min(style.weight || 1, 3) + 'px';
    if (style.dashArray) box.style.borderStyle = 'dashed';
    if (style.fill && style.fillColor) {
      box.style.backgroundColor = style.fillColor;
      box.style.opacity = Math.max(style.fillOpacity ?? 1, 0.35);
    }
    return box;
  }

  /**
   * The legend of the layers on the map, one entry per SLD rule (a layer of several rules gets its
   * title as a heading); rules outside the current zoom's scale range are greyed out.
   */
  function legendControl() {
    const control = L.control({ position: 'bottomleft' });
    let box = null;
    function render() {
      box.replaceChildren();
      const heading = document.createElement('strong');
      heading.textContent = I18N.t('legend');
      box.appendChild(heading);
      for (const [id, layer] of Object.entries(layers)) {
        if (!map.hasLayer(layer)) continue;
        const def = definitions[id];
        const several = def.rules.length > 1;
        if (several) {
          const group = document.createElement('div');
          group.className = 'group';
          group.textContent = title(def);
          box.appendChild(group);
        }
        for (const rule of def.rules) {
          const row = document.createElement('div');
          row.className = 'row' + (several ? ' rule' : '') + (inScale(rule, map.getZoom()) ? '' : ' off-scale');
          row.dataset.layer = id;
          const name = document.createElement('span');
          name.textContent = several ? (en ? rule.name || rule.title : rule.title || rule.name) : title(def);
          row.append(swatch(rule.style, def.geometryType), name);
          box.appendChild(row);
        }
      }
    }
    control.onAdd = () => {
      box = L.DomUtil.create('div', 'mj-panel mj-legend');
      render();
      map.on('layeradd layerremove zoomend', () => render());
      return box;
    };
    return control;
  }

  function coordinatesControl() {
    const control = L.control({ position: 'bottomleft' });
    control.onAdd = () => {
      const box = L.DomUtil.create('div', 'mj-panel mj-coords');
      box.id = 'coords';
      box.textContent = I18N.t('coords');
      map.on('mousemove', e => {
        box.textContent = I18N.t('coords') + '  ' + I18N.t('lon') + ' ' + e.latlng.lng.toFixed(6) + '°  '
          + I18N.t('lat') + ' ' + e.latlng.lat.toFixed(6) + '°';
      });
      return box;
    };
    return control;
  }

  // Until the gazetteer search exists, the search box filters division names.
  function searchControl() {
    const control = L.control({ position: 'topright' });
    let highlight = null;
    control.onAdd = () => {
      const box = L.DomUtil.create('div', 'mj-panel mj-search');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      const input = document.createElement('input');
      input.type = 'search';
      input.id = 'search';
      input.placeholder = I18N.t('search');
      const results = document.createElement('ul');
      results.id = 'search-results';
      box.append(input, results);
      let timer = null;
      input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => search(input.value.trim(), results), 250);
      });
      return box;
    };
    function search(name, results) {
      results.replaceChildren();
      if (!name) return;
      api('/api/v1/divisions?limit=20&name=' + encodeURIComponent(name))
        .then(r => r.json())
        .then(page => {
          if (!page.items || page.items.length === 0) {
            const none = document.createElement('li');
            none.textContent = I18N.t('searchNone');
            results.appendChild(none);
            return;
          }
          for (const item of page.items) {
            const li = document.createElement('li');
            li.textContent = item.name;
            const meta = document.createElement('span');
            meta.className = 'meta';
            meta.textContent = item.levelName + ' ' + item.code;
            li.appendChild(meta);
            li.addEventListener('click', () => show(item.code));
            results.appendChild(li);
          }
        });
    }
    function show(code) {
      api('/api/v1/divisions/' + encodeURIComponent(code))
        .then(r => r.json())
        .then(feature => {
          if (highlight) map.removeLayer(highlight);
          const def = definitions[feature.properties.level === 4 ? 'township' : 'district'] || Object.values(definitions)[0];
          if (feature.geometry) {
            highlight = L.geoJSON(feature, { style: { color: '#d7263d', weight: 3, fillOpacity: 0.05 } }).addTo(map);
            map.fitBounds(highlight.getBounds());
            highlight.bindPopup(() => popupContent(def, feature.properties)).openPopup();
          } else if (feature.properties.seatLat !== undefined) {
            const at = [feature.properties.seatLat, feature.properties.seatLon];
            highlight = L.circleMarker(at, { color: '#d7263d', radius: 7 }).addTo(map);
            map.setView(at, 12);
            highlight.bindPopup(() => popupContent(def, feature.properties)).openPopup();
          }
          window.mingjieMap.highlight = highlight;
        });
    }
    return control;
  }

  api('/api/v1/layers')
    .then(r => r.json())
    .then(catalogue => {
      const overlays = {};
      // Drawn bottom-up in catalogue order; the switcher lists them in the same order.
      for (const def of catalogue.layers) {
        definitions[def.id] = def;
        let layer = null;
        if (catalogue.renderer === 'geoserver-wms' && def.wms) layer = wmsLayer(def);
        else if (def.delivery === 'GEOJSON') layer = geoJsonLayer(def);
        else layer = tileLayer(def);
        layers[def.id] = layer;
        overlays[escapeHtml(title(def))] = layer;
      }
      L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      vectorTileClicks();
      coordinatesControl().addTo(map);
      searchControl().addTo(map);
      Object.values(layers).forEach(l => l.addTo(map));
      legendControl().addTo(map);
      return Promise.all(Object.values(layers).map(l => l.reload()));
    })
    .then(() => { document.body.dataset.mapReady = 'true'; })
    .catch(() => { document.getElementById('notice').textContent = I18N.t('loadError'); });

  api('/api/v1/me').then(r => r.json()).then(me => {
    if (!me.signedIn) return;
    document.getElementById('user').textContent = me.username + ' (' + me.roles.join(', ') + ')';
    const link = document.getElementById('login');
    link.href = '#';
    link.textContent = I18N.t('signOut');
    link.addEventListener('click', event => {
      event.preventDefault();
      const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
      api('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': decodeURIComponent(token || '') } })
        .then(() => location.reload());
    });
  });

  window.mingjieMap = { map, layers, definitions };
})();
