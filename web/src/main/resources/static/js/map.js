// The sample map: districts (天地图, CGCS2000) and the derived township layer of the sample districts.
(function () {
  I18N.apply();
  document.getElementById('lang').addEventListener('click', () => I18N.toggle());

  // CGCS2000 coordinates differ from WGS84 by centimetres, so Leaflet's default CRS shows them as they are.
  const map = L.map('map', { preferCanvas: false, zoomControl: true }).setView([29.9, 106.9], 8);
  L.control.scale({ imperial: false }).addTo(map);

  const SAMPLE_DISTRICTS = ['500152000000', '500112000000', '500229000000'];

  function popupContent(props) {
    const box = document.createElement('div');
    box.className = 'popup';
    const title = document.createElement('strong');
    title.textContent = props.name;
    box.appendChild(title);
    const list = document.createElement('dl');
    for (const [key, value] of [['code', props.code], ['level', props.levelName], ['validFrom', props.validFrom],
                                ['source', props.source], ['geometrySource', props.geometrySource]]) {
      if (value === null || value === undefined) continue;
      const dt = document.createElement('dt');
      dt.textContent = I18N.t(key);
      const dd = document.createElement('dd');
      dd.textContent = String(value);
      list.append(dt, dd);
    }
    box.appendChild(list);
    if (props.derivedGeometry) {
      const warn = document.createElement('div');
      warn.className = 'derived';
      warn.textContent = I18N.t('derivedWarning');
      box.appendChild(warn);
    }
    return box;
  }

  function layerFrom(url, style) {
    const layer = L.geoJSON(null, {
      style,
      onEachFeature: (feature, l) => {
        l.bindPopup(() => popupContent(feature.properties));
        l.on('mouseover', () => l.setStyle({ weight: 3 }));
        l.on('mouseout', () => l.setStyle({ weight: style.weight }));
      },
    });
    layer.ready = fetch(url, { headers: { Accept: 'application/geo+json' } })
      .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(data => { layer.addData(data); return layer; })
      .catch(() => { document.getElementById('notice').textContent = I18N.t('loadError'); });
    return layer;
  }

  const districts = layerFrom('/api/v1/divisions/features?level=3',
    { color: '#24466b', weight: 1.5, fillColor: '#8fb3d9', fillOpacity: 0.25 });
  const townships = L.layerGroup(SAMPLE_DISTRICTS.map(code =>
    layerFrom('/api/v1/divisions/features?level=4&parent=' + code,
      { color: '#a15c00', weight: 1, dashArray: '4 3', fillColor: '#f2c572', fillOpacity: 0.2 })));

  districts.addTo(map);
  townships.addTo(map);
  // Layer names are our own fixed labels, never data from the database.
  L.control.layers(null, { [I18N.t('districts')]: districts, [I18N.t('townships')]: townships },
    { collapsed: false }).addTo(map);

  Promise.all([districts.ready].concat(townships.getLayers().map(l => l.ready))).then(() => {
    const bounds = districts.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds);
    document.body.dataset.mapReady = 'true';
  });

  fetch('/api/v1/me').then(r => r.json()).then(me => {
    if (!me.signedIn) return;
    document.getElementById('user').textContent = me.username + ' (' + me.roles.join(', ') + ')';
    const link = document.getElementById('login');
    link.href = '#';
    link.textContent = I18N.t('signOut');
    link.addEventListener('click', event => {
      event.preventDefault();
      const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
      fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': decodeURIComponent(token || '') } })
        .then(() => location.reload());
    });
  });

  window.mingjieMap = { map, districts, townships };
})();
