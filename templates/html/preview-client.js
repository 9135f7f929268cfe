// Alleen in `eindrapport preview`: houdt de pagina bij zonder haar opnieuw te laden. De server stuurt
// via server-sent events wat er veranderde; deze code vervangt die stukken, scrolt naar het eerste
// en markeert ze. Een fout in de invoer verschijnt bovenaan; de laatste goede pagina blijft eronder.
(() => {
  'use strict';
  const MARKS = 'eindrapport-preview-marks';
  let version = Number(document.documentElement.dataset.previewVersion);

  const bar = document.createElement('div');
  bar.className = 'preview-bar';
  bar.innerHTML = '<span class="preview-status" role="status"></span><button type="button">PDF maken</button><span class="preview-pdf" role="status"></span>';
  document.body.append(bar);
  const status = bar.querySelector('.preview-status');
  const pdfStatus = bar.querySelector('.preview-pdf');
  const pdfButton = bar.querySelector('button');
  const time = () => new Date().toLocaleTimeString('nl-NL');
  status.textContent = `Voorbeeld, versie ${version}`;

  let overlay = null;
  const hideOverlay = () => {
    overlay?.remove();
    overlay = null;
  };
  const showOverlay = (problems) => {
    hideOverlay();
    overlay = document.createElement('section');
    overlay.className = 'preview-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('aria-labelledby', 'preview-overlay-title');
    const title = document.createElement('h2');
    title.id = 'preview-overlay-title';
    title.textContent = problems.errors === 1 ? '1 fout in de invoer' : `${problems.errors} fouten in de invoer`;
    const note = document.createElement('p');
    note.textContent = 'Hieronder staat de laatste goede versie. Sla het bestand na de correctie opnieuw op; deze melding verdwijnt dan vanzelf.';
    const list = document.createElement('ul');
    for (const message of problems.messages) {
      const item = document.createElement('li');
      item.textContent = message;
      list.append(item);
    }
    overlay.append(title, note, list);
    document.body.prepend(overlay);
  };

  const mark = (ids) => {
    for (const el of document.querySelectorAll('.preview-changed')) el.classList.remove('preview-changed');
    const found = ids.map((id) => document.querySelector(`[data-unit="${CSS.escape(id)}"]`)).filter(Boolean);
    for (const el of found) el.classList.add('preview-changed');
    found[0]?.scrollIntoView({ block: 'start', behavior: 'instant' });
  };

  const reload = (ids) => {
    sessionStorage.setItem(MARKS, JSON.stringify(ids));
    location.reload();
  };

  const events = new EventSource('/__preview/events');
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    if (state.version !== version) return reload([]);
    if (state.problems) showOverlay(state.problems);
    else hideOverlay();
  });
  events.addEventListener('problems', (e) => showOverlay(JSON.parse(e.data)));
  events.addEventListener('update', (e) => {
    const update = JSON.parse(e.data);
    hideOverlay();
    if (update.from !== version) return reload(update.kind === 'page' ? update.ids : update.units.map((u) => u.id));
    if (update.kind === 'page') return reload(update.ids);
    for (const unit of update.units) {
      const el = document.querySelector(`[data-unit="${CSS.escape(unit.id)}"]`);
      if (!el) return reload(update.units.map((u) => u.id));
      el.outerHTML = unit.html;
    }
    version = update.version;
    document.documentElement.dataset.previewVersion = String(version);
    status.textContent = `Bijgewerkt om ${time()} (versie ${version})`;
    mark(update.units.map((u) => u.id));
  });
  events.addEventListener('pdf', (e) => {
    const pdf = JSON.parse(e.data);
    pdfStatus.textContent = pdf.message;
    pdfButton.disabled = pdf.state === 'busy';
  });
  pdfButton.addEventListener('click', () => {
    pdfButton.disabled = true;
    pdfStatus.textContent = 'PDF wordt gemaakt …';
    fetch('/__preview/pdf', { method: 'POST' }).catch(() => {
      pdfButton.disabled = false;
      pdfStatus.textContent = 'De voorbeeldserver is niet bereikbaar.';
    });
  });

  const marks = sessionStorage.getItem(MARKS);
  if (marks) {
    sessionStorage.removeItem(MARKS);
    mark(JSON.parse(marks));
  }
})();
