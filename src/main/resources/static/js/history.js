// Trends: choosing an operation or a table reloads the page; the charts come from the page's data-trend JSON.
(function () {
  var filters = document.querySelector('form.filters');
  document.getElementById('operation').addEventListener('change', function () {
    filters.elements['cluster'].value = '';
    filters.elements['table'].value = '';
    filters.submit();
  });
  document.getElementById('target').addEventListener('change', function () {
    var p = this.value.split('|');
    filters.elements['cluster'].value = p[0];
    filters.elements['table'].value = p[1];
    filters.submit();
  });

  var holder = document.getElementById('trend');
  if (!holder || typeof Chart === 'undefined') { return; }
  var trend = JSON.parse(holder.dataset.trend);
  var executionUrl = holder.dataset.executionUrl;
  if (!trend.labels.length) { return; }
  function chart(id, data, color, type) {
    new Chart(document.getElementById(id), {
      type: type, data: { labels: trend.labels, datasets: [{ data: data, borderColor: color, backgroundColor: color, tension: .2 }] },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } },
        onClick: function (e, items) { if (items.length) { location.href = executionUrl + trend.ids[items[0].index]; } } }
    });
  }
  chart('durations', trend.durations, '#1f5fa8', 'line');
  chart('differences', trend.differences, '#b3261e', 'bar');
})();
