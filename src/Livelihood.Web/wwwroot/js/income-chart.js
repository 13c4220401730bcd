// A person's income at each done follow-up (total and from the skill) against the self-reliance line, drawn with the
// vendored Chart.js from the JSON the page writes beside the canvas. The list under the chart holds the same figures.
(function () {
    const canvas = document.getElementById('income-chart');
    const source = document.getElementById('income-chart-data');
    if (!canvas || !source || !window.Chart) return;
    const data = JSON.parse(source.textContent);
    const baht = new Intl.NumberFormat(document.documentElement.lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 0 });
    new window.Chart(canvas, {
        type: 'line',
        data: {
            labels: data.labels,
            datasets: [
                { label: data.names.total, data: data.total, borderColor: '#198754', backgroundColor: '#198754', tension: 0.2 },
                { label: data.names.skill, data: data.skill, borderColor: '#0d6efd', backgroundColor: '#0d6efd', tension: 0.2 },
                { label: data.names.line, data: data.labels.map(() => data.line), borderColor: '#dc3545', borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5 },
            ],
        },
        options: {
            maintainAspectRatio: false,
            animation: false,
            scales: { y: { beginAtZero: true, ticks: { callback: value => baht.format(value) } } },
            plugins: {
                legend: { position: 'bottom', labels: { boxWidth: 12 } },
                tooltip: { callbacks: { label: item => `${item.dataset.label}: ${baht.format(item.parsed.y)}` } },
            },
        },
    });
})();
