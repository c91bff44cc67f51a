// Charts with Apache ECharts. Each page's charts are disposed when the page is left.
import {h} from './dom.js';
import {ECHARTS, script} from './vendor.js';

const live = new Set();
let generation = 0;
const PALETTE = ['#2f6fde', '#1f9d74', '#e0a030', '#d9534f', '#7b5cd6', '#3bb0c9', '#8c8c8c'];

window.addEventListener('resize', () => live.forEach(chart => chart.resize()));

/** A chart container; the chart is drawn into it once ECharts has loaded, after which el.update(option) changes it. */
export function chart(option, {height = 280, label = 'chart'} = {}) {
  const el = h('div', {class: 'chart', role: 'img', 'aria-label': label, style: `height:${height}px`});
  const page = generation;
  script(ECHARTS).then(() => whenConnected(el, page)).then(connected => {
    if (!connected) return;
    const instance = window.echarts.init(el);
    instance.setOption({color: PALETTE, animation: false, textStyle: {fontFamily: 'inherit'}, ...option});
    live.add(instance);
    el.update = changes => instance.setOption(changes);
  });
  return el;
}

/** Bars per category: series = [{name, values}]. */
export function bars(categories, series, {horizontal = false, percent = false, ...options} = {}) {
  const valueAxis = {type: 'value', axisLabel: percent ? {formatter: v => `${Math.round(v * 100)}%`} : {}};
  const categoryAxis = {type: 'category', data: categories, axisLabel: {interval: 0, overflow: 'truncate', width: 110}};
  return chart({
    tooltip: {trigger: 'axis'},
    legend: series.length > 1 ? {top: 0} : undefined,
    grid: {left: horizontal ? 130 : 50, right: 20, top: series.length > 1 ? 30 : 10, bottom: 40},
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map(s => ({name: s.name, type: 'bar', data: s.values, barMaxWidth: 36})),
  }, options);
}

/** Lines over time: series = [{name, points: [[time, value], ...]}]; threshold draws a dashed line. */
export function lines(series, {threshold, percent = false, ...options} = {}) {
  return chart({
    tooltip: {trigger: 'axis'},
    legend: {top: 0, type: 'scroll'},
    grid: {left: 50, right: 20, top: 30, bottom: 30},
    xAxis: {type: 'time'},
    yAxis: {type: 'value', axisLabel: percent ? {formatter: v => `${Math.round(v * 100)}%`} : {}},
    series: series.map((s, i) => ({
      name: s.name, type: 'line', data: s.points, showSymbol: s.points.length < 30,
      markLine: i === 0 && threshold !== undefined
        ? {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#d9534f'}, data: [{yAxis: threshold}]} : undefined,
    })),
  }, options);
}

/** Shares of a whole: slices = [{name, value}]. */
export function donut(slices, options = {}) {
  return chart({
    tooltip: {trigger: 'item'},
    legend: {bottom: 0},
    series: [{type: 'pie', radius: ['45%', '70%'], data: slices, label: {formatter: '{b}: {c}'}}],
  }, options);
}

/** One score between 0 and 1 on a dial, red below `alert`. */
export function gauge(value, name, {alert = 0.7, ...options} = {}) {
  return chart({
    series: [{
      type: 'gauge', min: 0, max: 1, startAngle: 200, endAngle: -20, progress: {show: true},
      axisLine: {lineStyle: {width: 14, color: [[alert, '#f4c2c0'], [1, '#cfeee2']]}},
      axisTick: {show: false}, splitLine: {show: false}, axisLabel: {show: false}, pointer: {show: false},
      detail: {formatter: v => `${Math.round(v * 100)}%`, fontSize: 28, fontWeight: 600, offsetCenter: [0, '0%']},
      title: {offsetCenter: [0, '35%']},
      data: [{value: value ?? 0, name}],
    }],
  }, {height: 200, ...options});
}

export function disposeAll() {
  generation++;
  live.forEach(chart => chart.dispose());
  live.clear();
}

// Pages build their charts before they put them on the page: draw once the element is in the document,
// unless the user has left the page by then.
function whenConnected(el, page) {
  return new Promise(resolve => {
    const check = () => {
      if (page !== generation) resolve(false);
      else if (el.isConnected) resolve(true);
      else requestAnimationFrame(check);
    };
    check();
  });
}
