// The report's charts as inline SVG, drawn with DOM calls (no chart library, nothing fetched). Each
// function takes the numbers to draw and returns an <svg> element; every mark carries its count in
// data-count, with a data-testid, so a test can read what was drawn.
var PalisadeCharts = (function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  function svg(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }
  function titled(node, text) {
    node.appendChild(svg('title', {}, text));
    return node;
  }

  /**
   * Stacked bars over time. columns: [{label, counts: {key: n}}]; series: [{key, label, color}], bottom
   * first; id names the chart.
   */
  function stackedBars(id, columns, series) {
    var width = 760, height = 220, left = 40, bottom = 30;
    var highest = 1;
    columns.forEach(function (column) {
      var sum = series.reduce(function (s, one) { return s + (column.counts[one.key] || 0); }, 0);
      highest = Math.max(highest, sum);
    });
    var chart = svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, id: id,
      role: 'img' });
    var step = columns.length === 0 ? 0 : (width - left - 10) / columns.length;
    var scale = (height - bottom - 10) / highest;
    chart.appendChild(svg('line', { x1: left, y1: height - bottom, x2: width - 5, y2: height - bottom, stroke: '#999' }));
    chart.appendChild(svg('text', { x: 2, y: 14 }, highest));
    columns.forEach(function (column, position) {
      var y = height - bottom;
      series.forEach(function (one) {
        var count = column.counts[one.key] || 0;
        if (count === 0) { return; }
        y -= count * scale;
        chart.appendChild(titled(svg('rect', { x: left + position * step + 1, y: y, width: Math.max(1, step - 2),
          height: count * scale, fill: one.color, 'data-testid': 'timeline-bar', 'data-outcome': one.key,
          'data-bucket': column.label, 'data-count': count }), column.label + ': ' + count + ' ' + one.label));
      });
      if (position === 0 || position === columns.length - 1) {
        chart.appendChild(svg('text', { x: left + position * step, y: height - 10 },
          column.label.replace('T', ' ').replace('Z', '')));
      }
    });
    return chart;
  }

  /** A pie. slices: [{key, count, color}], largest first; each slice's share is its count over the sum. */
  function pie(id, slices) {
    var whole = slices.reduce(function (sum, slice) { return sum + slice.count; }, 0);
    var chart = svg('svg', { width: 220, height: 220, viewBox: '-110 -110 220 220', id: id, role: 'img' });
    var angle = -Math.PI / 2;
    slices.forEach(function (slice) {
      var share = slice.count / whole;
      var attributes = { fill: slice.color, 'data-testid': 'status-slice', 'data-status': slice.key,
        'data-count': slice.count };
      var mark;
      if (share >= 0.9999) {
        attributes.r = 100;
        mark = svg('circle', attributes);
      } else {
        var end = angle + share * 2 * Math.PI;
        attributes.d = 'M0,0 L' + (100 * Math.cos(angle)).toFixed(3) + ',' + (100 * Math.sin(angle)).toFixed(3)
          + ' A100,100 0 ' + (share > 0.5 ? 1 : 0) + ',1 ' + (100 * Math.cos(end)).toFixed(3) + ','
          + (100 * Math.sin(end)).toFixed(3) + ' Z';
        mark = svg('path', attributes);
        angle = end;
      }
      chart.appendChild(titled(mark, slice.key + ': ' + slice.count));
    });
    return chart;
  }

  /** Horizontal bars, longest first. bars: [{key, label, count}]. */
  function bars(id, entries, color) {
    var highest = entries.length === 0 ? 1 : entries[0].count;
    var chart = svg('svg', { width: 360, height: Math.max(20, 22 * entries.length), id: id, role: 'img' });
    entries.forEach(function (entry, index) {
      chart.appendChild(svg('text', { x: 0, y: 22 * index + 14 }, entry.label));
      chart.appendChild(titled(svg('rect', { x: 150, y: 22 * index + 3, height: 16,
        width: Math.max(2, 200 * entry.count / highest), fill: color, 'data-testid': 'attack-bar',
        'data-type': entry.key, 'data-count': entry.count }), entry.label + ': ' + entry.count));
    });
    return chart;
  }

  return { stackedBars: stackedBars, pie: pie, bars: bars };
})();
