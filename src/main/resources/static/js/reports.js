// Draws the dashboard's charts with Apache ECharts from the data the server put on each chart's element.
(function () {
  'use strict';

  function draw(el) {
    var data = JSON.parse(el.getAttribute('data-series'));
    var kind = el.getAttribute('data-kind');
    var option;
    if (kind === 'volume') {
      option = {
        title: { text: '受理与答复（件）', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { data: ['受理', '答复'], right: 0 },
        xAxis: { type: 'category', data: data.weeks },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '受理', type: 'bar', data: data.received },
          { name: '答复', type: 'line', data: data.replied }
        ]
      };
    } else if (kind === 'rates') {
      option = {
        title: { text: '满意率与办结超期率（%）', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { data: ['满意率', '办结超期率'], right: 0 },
        xAxis: { type: 'category', data: data.weeks },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [
          { name: '满意率', type: 'line', data: data.satisfactionRate, connectNulls: true },
          { name: '办结超期率', type: 'line', data: data.resolutionOverdueRate, connectNulls: true }
        ]
      };
    } else if (kind === 'units') {
      option = {
        title: { text: '承办量与回复办理率（前 15 个单位）', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { data: ['承办', '回复办理率'], right: 0 },
        grid: { bottom: 90 },
        xAxis: { type: 'category', data: data.names, axisLabel: { rotate: 40 } },
        yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100 }],
        series: [
          { name: '承办', type: 'bar', data: data.handled },
          { name: '回复办理率', type: 'line', yAxisIndex: 1, data: data.replyRate }
        ]
      };
    } else {
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-drawn', 'true');
  }

  // The period form shows the date fields of the chosen kind only: one day for a week or month, two for a range.
  function periodFields() {
    var kind = document.getElementById('period');
    if (!kind) {
      return;
    }
    var show = function () {
      var custom = kind.value === 'custom';
      document.querySelector('#period-form .period-day').hidden = custom;
      document.querySelector('#period-form .period-range').hidden = !custom;
    };
    kind.addEventListener('change', show);
    show();
  }

  function start() {
    periodFields();
    var charts = document.querySelectorAll('.chart[data-series]');
    for (var i = 0; i < charts.length; i++) {
      draw(charts[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
