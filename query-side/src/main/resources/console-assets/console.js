// The live drift feed says in words whether it is connected, and shows no entry twice: after a reconnection the
// stream may send again an entry the page already holds.
(function () {
  function feedStatus(event) {
    var feed = event.target.closest('.feed');
    return feed ? feed.querySelector('.feed-status') : null;
  }

  document.body.addEventListener('htmx:sseOpen', function (event) {
    var status = feedStatus(event);
    if (!status) {
      return;
    }
    var wasLost = status.dataset.state === 'lost';
    status.dataset.state = 'live';
    status.textContent = wasLost
      ? 'Live feed reconnected at ' + new Date().toLocaleTimeString() + '; new drift appears here.'
      : 'Live: new drift appears here as it is recorded.';
  });

  document.body.addEventListener('htmx:sseError', function (event) {
    var status = feedStatus(event);
    if (status && status.dataset.state !== 'lost') {
      status.dataset.state = 'lost';
      status.textContent = 'Live feed lost; reconnecting… Entries recorded meanwhile will follow.';
    }
  });

  document.body.addEventListener('htmx:sseBeforeMessage', function (event) {
    if (event.detail.lastEventId && document.getElementById('drift-' + event.detail.lastEventId)) {
      event.preventDefault();
    }
  });

  document.body.addEventListener('htmx:sseMessage', function (event) {
    var feed = event.target.closest('.feed');
    var empty = feed ? feed.querySelector('.feed-empty') : null;
    if (empty) {
      empty.remove();
    }
  });
})();
