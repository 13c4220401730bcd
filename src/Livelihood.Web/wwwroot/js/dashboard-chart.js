// Draws the dashboard's charts from the JSON each canvas carries (labels and series of bars or lines). The tables beside
// them hold the same numbers, so nothing is lost without JavaScript or for a screen reader.
(function () {
    if (!window.Chart) return;
    var colours = ['#0d6efd', '#fd7e14', '#198754', '#6f42c1'];
    document.querySelectorAll('canvas[data-dashboard-chart]').forEach(function (canvas) {
        var data = JSON.parse(canvas.getAttribute('data-dashboard-chart'));
        new window.Chart(canvas, {
            data: {
                labels: data.labels,
                datasets: data.series.map(function (s, i) {
                    return { type: s.type, label: s.label, data: s.data, backgroundColor: colours[i], borderColor: colours[i], order: s.type === 'line' ? 0 : 1 };
                })
            },
            options: { responsive: true, maintainAspectRatio: false, animation: false }
        });
    });
})();
