// Draws a group's monthly figures (bars) and fund balance (line) from the JSON its canvas carries. The table beside it
// holds the same numbers, so nothing is lost without JavaScript or for a screen reader.
(function () {
    document.querySelectorAll('canvas[data-group-chart]').forEach(function (canvas) {
        if (!window.Chart) return;
        var data = JSON.parse(canvas.getAttribute('data-group-chart'));
        var colours = ['#198754', '#fd7e14', '#0dcaf0', '#6f42c1'];
        new window.Chart(canvas, {
            data: {
                labels: data.labels,
                datasets: data.series.map(function (s, i) {
                    return { type: s.type, label: s.label, data: s.data, backgroundColor: colours[i], borderColor: colours[i], order: s.type === 'line' ? 0 : 1 };
                })
            },
            options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
        });
    });
})();
