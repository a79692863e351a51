// Fills the report from the JSON above (charts by PalisadeCharts, tables here), and again whenever a
// filter changes. Everything is built with DOM calls and textContent: the data holds attackers'
// paths, which must stay text.
(function () {
  'use strict';
  var COLORS = { allowed: '#4c9f70', detected: '#e0a526', alp: '#c4453c', waf: '#7a3fb0', rejected: '#7d8590' };
  var PALETTE = ['#c4453c', '#4c9f70', '#3f6fb0', '#e0a526', '#7a3fb0', '#2aa1a1', '#b05a3f', '#7d8590'];
  var TOP = 25;
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var outcomeKeys = Object.keys(data.outcomeLabels);

  function el(name, attributes, text) {
    var node = document.createElement(name);
    setAll(node, attributes);
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }
  function setAll(node, attributes) {
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function add(counts, more) {
    Object.keys(more).forEach(function (key) { counts[key] = (counts[key] || 0) + more[key]; });
  }
  function sortedByCount(counts) {
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0); });
  }
  function percent(part, whole) { return whole === 0 ? '0%' : (100 * part / whole).toFixed(1) + '%'; }
  function name(value) { return value === null ? '(none)' : value; }

  function fillSelect(id, values) {
    var select = document.getElementById(id);
    values.forEach(function (value) {
      select.appendChild(el('option', { value: value === null ? '' : value }, name(value)));
    });
  }
  function distinct(field) {
    var seen = {};
    var values = [];
    data.groups.forEach(function (group) {
      var key = group[field] === null ? '' : group[field];
      if (!(key in seen) && !group.summary) {
        seen[key] = true;
        values.push(group[field]);
      }
    });
    return values.sort(function (a, b) { return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0; });
  }

  function selected() {
    return {
      service: document.getElementById('filter-service').value,
      namespace: document.getElementById('filter-namespace').value,
      from: Number(document.getElementById('filter-from').value),
      until: Number(document.getElementById('filter-until').value)
    };
  }
  function matches(group, filter) {
    if (group.bucket < filter.from || group.bucket > filter.until) { return false; }
    // Summary lines name no workload: they are kept only while no service or namespace is chosen.
    if (group.summary) { return filter.service === '*' && filter.namespace === '*'; }
    if (filter.service !== '*' && (group.service === null ? '' : group.service) !== filter.service) { return false; }
    return filter.namespace === '*' || (group.namespace === null ? '' : group.namespace) === filter.namespace;
  }

  function render() {
    var filter = selected();
    var groups = data.groups.filter(function (group) { return matches(group, filter); });
    var total = { outcomes: {}, statuses: {}, deniedPaths: {}, deniedMethods: {}, attacks: {}, rules: {},
      sources: {}, blockedSources: {}, notLogged: 0, deniedPathExamples: {} };
    groups.forEach(function (group) {
      ['outcomes', 'statuses', 'deniedPaths', 'deniedMethods', 'attacks', 'rules', 'sources', 'blockedSources']
        .forEach(function (key) { add(total[key], group[key]); });
      total.notLogged += group.notLogged;
      // The smallest example, as the report's data keeps it, so every selection shows the same one.
      Object.keys(group.deniedPathExamples || {}).forEach(function (path) {
        var example = group.deniedPathExamples[path], kept = total.deniedPathExamples[path];
        if (kept === undefined || example < kept) { total.deniedPathExamples[path] = example; }
      });
    });
    renderTotals(total);
    renderTimeline(groups, filter);
    renderStatuses(total.statuses);
    renderAttacks(total.attacks);
    renderTable('denied-path-table', total.deniedPaths, 'denied-path', function (key) { return [key]; }, 'path',
      function (key) { return total.deniedPathExamples[key]; });
    renderTable('denied-method-table', total.deniedMethods, 'denied-method', function (key) { return [key]; });
    renderTable('rule-table', total.rules, 'rule', function (key) {
      return [key, data.ruleMessages[key] || ''];
    });
    renderSources(total);
    renderServices(groups);
    var status = document.getElementById('render-status');
    status.textContent = 'rendered';
    status.hidden = true; // the notice is for a browser without JavaScript; tests read the text
  }

  function renderTotals(total) {
    var list = clear(document.getElementById('totals-list'));
    var requests = outcomeKeys.reduce(function (sum, key) { return sum + (total.outcomes[key] || 0); }, 0);
    function row(label, testid, value) {
      list.appendChild(el('dt', {}, label));
      list.appendChild(el('dd', { 'data-testid': testid }, value));
    }
    row('Requests logged', 'total-requests', requests);
    outcomeKeys.forEach(function (key) { row(data.outcomeLabels[key], 'total-' + key, total.outcomes[key] || 0); });
    row('Not logged individually', 'total-not-logged', total.notLogged);
    document.getElementById('not-logged-note').textContent = total.notLogged > 0
      ? total.notLogged + ' requests not logged individually (counted by the logs\' summary lines), '
        + (requests + total.notLogged) + ' requests in all.'
      : '';
  }

  function renderTimeline(groups, filter) {
    var perBucket = {};
    groups.forEach(function (group) {
      perBucket[group.bucket] = perBucket[group.bucket] || {};
      add(perBucket[group.bucket], group.outcomes);
    });
    var columns = [];
    for (var index = filter.from; index <= filter.until && index < data.buckets.length; index++) {
      columns.push({ label: data.buckets[index], counts: perBucket[index] || {} });
    }
    var series = outcomeKeys.map(function (key) {
      return { key: key, label: data.outcomeLabels[key], color: COLORS[key] };
    });
    clear(document.getElementById('timeline')).appendChild(
      PalisadeCharts.stackedBars('chart-timeline', columns, series));
    var legend = clear(document.getElementById('timeline-legend'));
    series.forEach(function (one) {
      var item = el('span', {});
      item.appendChild(el('i', { style: 'background:' + one.color }));
      item.appendChild(document.createTextNode(one.label));
      legend.appendChild(item);
    });
  }

  function renderStatuses(statuses) {
    var keys = sortedByCount(statuses);
    var whole = keys.reduce(function (sum, key) { return sum + statuses[key]; }, 0);
    // 403 keeps its red whatever its rank, so the denials read the same in every selection.
    function color(key, index) { return key === '403' ? '#c4453c' : PALETTE[(index + 1) % PALETTE.length]; }
    clear(document.getElementById('statuses')).appendChild(PalisadeCharts.pie('chart-statuses',
      keys.map(function (key, index) { return { key: key, count: statuses[key], color: color(key, index) }; })));
    var body = clear(document.querySelector('#status-table tbody'));
    keys.forEach(function (key, index) {
      var row = el('tr', {});
      var label = el('td', {});
      label.appendChild(el('i', { class: 'swatch', style: 'background:' + color(key, index) }));
      label.appendChild(document.createTextNode(key));
      row.appendChild(label);
      row.appendChild(el('td', { class: 'count', 'data-testid': 'status-' + key }, statuses[key]));
      row.appendChild(el('td', { class: 'count' }, percent(statuses[key], whole)));
      body.appendChild(row);
    });
    if (keys.length === 0) { body.appendChild(emptyRow(3)); }
  }

  function renderAttacks(attacks) {
    var keys = sortedByCount(attacks);
    function label(key) { return data.attackLabels[key] || key; }
    clear(document.getElementById('attacks')).appendChild(PalisadeCharts.bars('chart-attacks',
      keys.map(function (key) { return { key: key, label: label(key), count: attacks[key] }; }), '#7a3fb0'));
    var body = clear(document.querySelector('#attack-table tbody'));
    keys.forEach(function (key) {
      var row = el('tr', {});
      row.appendChild(el('td', {}, label(key)));
      row.appendChild(el('td', { class: 'count', 'data-testid': 'attack-' + key }, attacks[key]));
      body.appendChild(row);
    });
    if (keys.length === 0) { body.appendChild(emptyRow(2)); }
  }

  /** example, when given, returns for a row's key a text shown under its first cell (or undefined). */
  function renderTable(id, counts, testid, cells, cellClass, example) {
    var body = clear(document.querySelector('#' + id + ' tbody'));
    var keys = sortedByCount(counts).slice(0, TOP);
    keys.forEach(function (key) {
      var row = el('tr', {});
      cells(key).forEach(function (text, index) {
        var cell = el('td', index === 0 && cellClass ? { class: cellClass } : {}, text);
        var shown = index === 0 && example ? example(key) : undefined;
        if (shown !== undefined) {
          cell.appendChild(el('small', { class: 'example', 'data-testid': testid + '-example', 'data-key': key },
            'e.g. ' + shown));
        }
        row.appendChild(cell);
      });
      row.appendChild(el('td', { class: 'count', 'data-testid': testid, 'data-key': key }, counts[key]));
      body.appendChild(row);
    });
    if (keys.length === 0) { body.appendChild(emptyRow(2)); }
  }

  function renderSources(total) {
    var body = clear(document.querySelector('#source-table tbody'));
    var keys = sortedByCount(total.sources).slice(0, TOP);
    keys.forEach(function (key) {
      var row = el('tr', {});
      row.appendChild(el('td', {}, key));
      row.appendChild(el('td', { class: 'count', 'data-testid': 'source', 'data-key': key }, total.sources[key]));
      row.appendChild(el('td', { class: 'count', 'data-testid': 'source-blocked', 'data-key': key },
        total.blockedSources[key] || 0));
      body.appendChild(row);
    });
    if (keys.length === 0) { body.appendChild(emptyRow(3)); }
  }

  function renderServices(groups) {
    var services = {};
    groups.forEach(function (group) {
      if (group.summary) { return; }
      var key = name(group.service) + ' ' + name(group.namespace);
      var service = services[key] = services[key] || { service: group.service, namespace: group.namespace, outcomes: {} };
      add(service.outcomes, group.outcomes);
    });
    var body = clear(document.querySelector('#service-table tbody'));
    Object.keys(services).sort().forEach(function (key) {
      var service = services[key];
      var o = service.outcomes;
      var requests = outcomeKeys.reduce(function (sum, k) { return sum + (o[k] || 0); }, 0);
      var blocked = (o.alp || 0) + (o.waf || 0);
      var passthrough = (o.allowed || 0) + (o.detected || 0);
      var id = 'service-' + name(service.service) + '-' + name(service.namespace);
      var row = el('tr', {});
      row.appendChild(el('td', {}, name(service.service)));
      row.appendChild(el('td', {}, name(service.namespace)));
      row.appendChild(el('td', { class: 'count', 'data-testid': id + '-requests' }, requests));
      row.appendChild(el('td', { class: 'count', 'data-testid': id + '-blocked' }, blocked));
      row.appendChild(el('td', { class: 'count', 'data-testid': id + '-blocked-share' }, percent(blocked, requests)));
      row.appendChild(el('td', { class: 'count', 'data-testid': id + '-passthrough' }, passthrough));
      body.appendChild(row);
    });
    if (Object.keys(services).length === 0) { body.appendChild(emptyRow(6)); }
  }

  function emptyRow(columns) {
    var row = el('tr', {});
    row.appendChild(el('td', { class: 'empty', colspan: columns }, 'nothing in this selection'));
    return row;
  }

  document.getElementById('source').textContent = data.source;
  document.getElementById('cli-filter').textContent = data.filter;
  document.getElementById('skipped').textContent = data.skippedLines > 0
    ? data.skippedLines + ' lines were not decision log lines and were skipped.' : '';
  document.getElementById('skipped').setAttribute('data-testid', 'skipped-lines');
  fillSelect('filter-service', distinct('service'));
  fillSelect('filter-namespace', distinct('namespace'));
  data.buckets.forEach(function (start, index) {
    var label = start.replace('T', ' ').replace('Z', ' UTC');
    document.getElementById('filter-from').appendChild(el('option', { value: index }, label));
    document.getElementById('filter-until').appendChild(el('option', { value: index }, label));
  });
  document.getElementById('filter-until').value = String(Math.max(0, data.buckets.length - 1));
  applyFragment();
  document.getElementById('filters').addEventListener('change', function () {
    var filter = selected();
    // The selection goes into the address, so a link to the file opens the same view.
    history.replaceState(null, '', '#service=' + encodeURIComponent(filter.service) + '&namespace='
      + encodeURIComponent(filter.namespace) + '&from=' + filter.from + '&until=' + filter.until);
    render();
  });
  render();

  /** Opens the view a link names: #service=www&namespace=default&from=0&until=3 (indexes of time buckets). */
  function applyFragment() {
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var parts = pair.split('=');
      var select = document.getElementById('filter-' + parts[0]);
      if (select === null || parts.length !== 2) { return; }
      var value = decodeURIComponent(parts[1]);
      if (Array.prototype.some.call(select.options, function (option) { return option.value === value; })) {
        select.value = value;
      }
    });
  }
})();
