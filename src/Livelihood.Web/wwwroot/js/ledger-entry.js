// The sale form: choosing a product fills in its usual price, and the amount follows quantity × price until the
// recorder types an amount of their own. Any form marked data-submit-once sends once: a double tap records one entry
// (the server also refuses a second post of the same form).
(function () {
    var product = document.querySelector('[data-sale-product]');
    var quantity = document.querySelector('[data-sale-quantity]');
    var price = document.querySelector('[data-sale-price]');
    var amount = document.querySelector('[data-sale-amount]');
    if (product && quantity && price && amount) {
        var typedByHand = amount.value !== '';
        var update = function () {
            if (typedByHand) return;
            var q = parseFloat(quantity.value), p = parseFloat(price.value);
            if (!(q > 0 && p > 0)) { amount.value = ''; return; }
            // In whole hundredths, rounding half away from zero like the server: floats alone would turn 49.995 into 49.99.
            var satang = Math.floor((Math.round(q * 100) * Math.round(p * 100) + 50) / 100);
            amount.value = (satang / 100).toFixed(2);
        };
        product.addEventListener('change', function () {
            var option = product.options[product.selectedIndex];
            if (option && option.dataset.price) price.value = option.dataset.price;
            update();
        });
        quantity.addEventListener('input', update);
        price.addEventListener('input', update);
        amount.addEventListener('input', function () { typedByHand = amount.value !== ''; });
    }

    document.querySelectorAll('form[data-submit-once]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (form.dataset.sent) { event.preventDefault(); return; }
            form.dataset.sent = '1';
            form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
        });
    });
})();
