// Dashboard: reads the reporting API (relative URLs, so it works behind the gateway's /api/reporting prefix, whose
// session sends the caller's token) and renders figures, charts and their table alternatives. It asks first what
// the caller may view (scope) and offers only that. Text only goes through textContent.
(function () {
  'use strict';
  const charts = {};
  // French wording of the codes, from the service (GET labels, the one place they are defined); filled by init
  let LABELS = {exitCategories: {}, housing: {}, barrierDomains: {}, ageBands: {}, referralStatus: {}};
  const CATEGORY_CODES = ['DURABLE_EMPLOYMENT', 'TRANSITION_EMPLOYMENT', 'POSITIVE_EXIT', 'OTHER_EXIT', 'WITHDRAWN'];
  // a code this page does not know yet is shown as it is
  const label = (labels, code) => labels[code] || code;
  const fmtInt = n => Number(n).toLocaleString('fr-FR');
  const fmtNum = n => n == null ? '—' : Number(n).toLocaleString('fr-FR', {maximumFractionDigits: 2});
  const fmtRate = r => r == null ? '—' : (r * 100).toFixed(1).replace('.', ',') + ' %';
  const $ = id => document.getElementById(id);

  function params() {
    const p = new URLSearchParams();
    for (const name of ['from', 'to', 'programme']) {
      const v = $(name).value;
      if (v) p.set(name, v);
    }
    return p;
  }

  function fillRows(tableId, rows) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    for (const cells of rows) {
      const tr = document.createElement('tr');
      cells.forEach((c, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = c;
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    }
  }

  function chart(id, config) {
    if (typeof Chart === 'undefined') return;
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, config.options || {});
    charts[id] = new Chart($(id), config);
  }

  function render(report, scope) {
    const t = report.totals;
    const formats = {
      dynamicExitRate: fmtRate, shareBeyond24Months: fmtRate, medianMonthsInPathway: fmtNum, hoursWorked: fmtNum,
      immersionDays: fmtNum, exitsToEmployment: s => s == null ? '—' : fmtRate(s.value),
      exitsToHousingOrShelter: s => s == null ? '—' : fmtRate(s.value)
    };
    document.querySelectorAll('[data-indicator]').forEach(el => {
      const key = el.dataset.indicator;
      el.textContent = (formats[key] || fmtInt)(t[key]);
    });
    document.querySelectorAll('[data-report]').forEach(el => {
      const v = report[el.dataset.report];
      el.textContent = v == null ? '—' : fmtInt(v);
    });
    $('scope-label').textContent = scope ? '— ' + scope : '— national';
    const months = report.months.map(m => m.month);
    chart('chart-flows', {
      type: 'bar',
      data: {labels: months, datasets: [
        {label: 'Entrées', data: report.months.map(m => m.entered)},
        {label: 'Sorties', data: report.months.map(m => m.exited)},
        {label: 'Présents fin de mois', data: report.months.map(m => m.present), type: 'line'}]}
    });
    fillRows('table-flows', report.months.map(m => [m.month, fmtInt(m.entered), fmtInt(m.exited), fmtInt(m.present), fmtNum(m.hoursWorked),
      fmtInt(m.peopleActive), fmtInt(m.interviews), fmtInt(m.accompaniedVisits), fmtInt(m.caseConferences)]));
    const cats = CATEGORY_CODES;
    chart('chart-exits', {
      type: 'doughnut',
      data: {labels: cats.map(c => label(LABELS.exitCategories, c)), datasets: [{label: 'Sorties', data: cats.map(c => t.exitsByCategory[c] || 0)}]}
    });
    fillRows('table-exits', cats.map(c => [label(LABELS.exitCategories, c), fmtInt(t.exitsByCategory[c] || 0)]));
    const outcomes = [['Logement durable', t.durableHousing], ['Accès aux soins', t.healthCare],
      ['Ouverture de droits', t.rightsOpened], ['Formations commencées', t.trainingStarted],
      ['Formations terminées', t.trainingCompleted], ['Orientations proposées', t.referrals]];
    chart('chart-outcomes', {
      type: 'bar', options: {indexAxis: 'y'},
      data: {labels: outcomes.map(o => o[0]), datasets: [{label: 'Personnes', data: outcomes.map(o => o[1])}]}
    });
    fillRows('table-outcomes', outcomes.map(o => [o[0], fmtInt(o[1])]));
    const referralOutcome = key => { const i = key.indexOf(' / ');
      return i < 0 ? label(LABELS.referralStatus, key) : label(LABELS.referralStatus, key.substring(0, i)) + key.substring(i); };
    fillRows('table-referrals', Object.entries(t.referralsByOutcome).map(e => [referralOutcome(e[0]), fmtInt(e[1])]));
    const domains = Object.entries(t.barriersByDomain);
    chart('chart-barriers', {
      type: 'bar',
      data: {labels: domains.map(d => label(LABELS.barrierDomains, d[0])), datasets: [{label: 'Personnes', data: domains.map(d => d[1])}]}
    });
    fillRows('table-barriers', domains.map(d => [label(LABELS.barrierDomains, d[0]), fmtInt(d[1])]));
    fillRows('table-barriers-lifted', Object.entries(t.barriersLiftedByDomain).map(d => [label(LABELS.barrierDomains, d[0]), fmtInt(d[1])]));
    const share = (name, s, fmt) => [name, fmtInt(s.numerator), fmtInt(s.denominator), fmt(s.value)];
    fillRows('table-support', [
      share('Part venant de la rue', t.fromStreet, fmtRate),
      share('Part venant d\'un hébergement', t.fromShelter, fmtRate),
      share('Entretiens par mois-personne', t.interviewsPerPersonMonth, fmtNum),
      share('Accompagnements physiques par mois-personne', t.accompaniedVisitsPerPersonMonth, fmtNum)]);
    fillRows('table-exit-housing-shares', [
      share('Sorties vers un logement durable (logement durable ou résidence sociale)', t.exitsToDurableHousing, fmtRate),
      share('Sorties vers un hébergement', t.exitsToShelter, fmtRate)]);
    const housing = Object.entries(t.exitsByHousing);
    chart('chart-exit-housing', {
      type: 'bar', options: {indexAxis: 'y'},
      data: {labels: housing.map(h => label(LABELS.housing, h[0])), datasets: [{label: 'Sorties', data: housing.map(h => h[1])}]}
    });
    fillRows('table-exit-housing', housing.map(h => [label(LABELS.housing, h[0]), fmtInt(h[1])]));
    fillRows('table-follow-up', [t.followUp6, t.followUp12].map(f => [f.milestoneMonths + ' mois', fmtInt(f.exits),
      fmtInt(f.contacted), fmtInt(f.notReached), fmtInt(f.employed.denominator), fmtInt(f.employed.numerator),
      fmtRate(f.employed.value), fmtInt(f.housed.numerator), fmtRate(f.housed.value)]));
    $('breakdown-caption').textContent = report.level === 'NATIONAL' ? 'Par territoire' : 'Par ACI';
    // a null count is a small count the service hides from the national team (secret statistique): shown as "s"
    const fmtCount = n => n == null ? 's' : fmtInt(n);
    // names, not codes: the participant stream's reference data (a code until the territory or ACI is named)
    fillRows('table-breakdown', report.breakdown.map(b => [b.name || b.code, fmtCount(b.entered), fmtCount(b.exited), fmtCount(b.presentAtEnd), b.exited == null ? 's' : fmtRate(b.dynamicExitRate), fmtCount(b.peopleSupported), b.aciCount == null ? '—' : fmtInt(b.aciCount)]));
    const targets = report.targets || [];
    fillRows('table-targets', targets.map(p => [p.agreement, p.funderName, p.indicatorLabel
      + (p.programme ? ' (' + label(LABELS.programmes || {}, p.programme) + ')' : ''), p.from + ' à ' + p.to,
      fmtNum(p.target), fmtNum(p.actual), fmtRate(p.reached)]));
    $('targets-none').hidden = targets.length > 0;
    const bands = report.ageBands || [];
    fillRows('table-age-bands', bands.map(b => [b.label || label(LABELS.ageBands, b.code), fmtCount(b.peopleSupported)]));
    $('age-bands-secret').hidden = !bands.some(b => b.peopleSupported == null);
    $('breakdown-secret').hidden = !report.breakdown.some(b => b.entered == null || b.exited == null || b.presentAtEnd == null || b.peopleSupported == null);
  }

  // What the caller may view (GET scope), turned into the choices of the selector. Each choice names the API path
  // of its view; the API checks every request again, this only avoids offering what would be refused.
  let choices = [];
  let exportsAllowed = false;
  const ROLES = {
    'cip': 'conseiller·ère en insertion professionnelle', 'partnership-officer': 'chargé·e de partenariat',
    'coordinator': 'coordination territoriale', 'national-analyst': 'équipe nationale', 'auditor': 'audit',
    'admin': 'administration'
  };

  async function getJson(url) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return {ok: response.ok, status: response.status, body: body};
  }

  function refusal(result) {
    if (result.status === 401) return 'Votre session a expiré : reconnectez-vous.';
    if (result.status === 403) return 'Votre rôle ne permet pas de consulter ces chiffres.';
    if (result.status === 400 && result.body) return 'Paramètre refusé (' + (result.body.field || '?') + ') : ' + result.body.detail;
    return 'Erreur ' + result.status + ' du service de pilotage.';
  }

  function choose(scope, territories, names) {
    names = names || {};
    const list = [];
    const views = scope.views;
    if (views.includes('national')) {
      list.push({key: 'national', label: 'National (tous les territoires)', path: 'national'});
      for (const code of territories) {
        list.push({key: code, label: names[code] || code, path: 'territories/' + encodeURIComponent(code), territory: code});
      }
    } else if (views.includes('territory') && (scope.territories || []).length) {
      // one territory, or each of a portfolio's (a project lead following several: issue 19 item 6)
      for (const code of scope.territories) {
        list.push({key: code, label: names[code] || code, path: 'territories/' + encodeURIComponent(code), territory: code});
      }
    } else if (views.includes('aci') && scope.territory && scope.aci) {
      list.push({key: scope.territory + '/' + scope.aci, label: 'ACI ' + scope.aci + ' (' + scope.territory + ')',
        path: 'territories/' + encodeURIComponent(scope.territory) + '/acis/' + encodeURIComponent(scope.aci),
        territory: scope.territory, aci: scope.aci});
    }
    return list;
  }

  function describe(scope, choice) {
    const role = ROLES[scope.role] || scope.role;
    if (scope.national) return 'Rôle : ' + role + '. Vous consultez les chiffres nationaux et ceux de chaque territoire.';
    if (!choice) return 'Rôle : ' + role + '.';
    return 'Rôle : ' + role + '. Vous consultez les chiffres de : ' + choice.label + '.';
  }

  async function load() {
    const choice = choices.find(c => c.key === $('territory').value) || choices[0];
    const p = params();
    const exportParams = new URLSearchParams(p);
    if (choice.territory) exportParams.set('territory', choice.territory);
    if (choice.aci) exportParams.set('aciId', choice.aci);
    $('exports').hidden = !exportsAllowed;
    $('export-xlsx').href = 'exports/indicators.xlsx?' + exportParams;
    $('export-csv').href = 'exports/indicators.csv?' + exportParams;
    $('export-pdf').href = 'exports/indicators.pdf?' + exportParams;
    $('status').textContent = 'Chargement…';
    document.body.dataset.loaded = '';
    try {
      const result = await getJson(choice.path + '?' + p);
      if (!result.ok) {
        $('status').textContent = refusal(result);
        return;
      }
      const body = result.body;
      // a territory's or ACI's own role knows only its code until the report names it
      if (choice.key !== 'national') {
        choice.label = body.level === 'ACI' ? 'ACI ' + (body.aciName || choice.aci) + ' (' + (body.territoryName || choice.territory) + ')'
          : (body.territoryName || choice.territory);
        const option = Array.from($('territory').options).find(o => o.value === choice.key);
        if (option) option.textContent = choice.label;
      }
      render(body, choice.key === 'national' ? '' : choice.label);
      $('breakdown').hidden = body.level === 'ACI';
      $('status').textContent = 'Données chargées : ' + (choice.key === 'national' ? 'national' : choice.label)
        + (body.from ? ', de ' + body.from + ' à ' + body.to : '');
      document.body.dataset.loaded = choice.key;
    } catch (e) {
      $('status').textContent = 'Impossible de charger les données : ' + e.message;
    }
  }

  function fmtDate(iso) {
    return iso ? new Date(iso).toLocaleString('fr-FR') : '—';
  }

  async function loadOperations() {
    const STATES = {STARTING: 'démarrage', RUNNING: 'lecture en cours', WRITING: 'écriture en cours', DONE: 'terminée', FAILED: 'en échec'};
    const REASONS = {'territory-mismatch': 'territoire de l\'événement différent de celui du flux',
      'invalid-event': 'événement illisible ou inapplicable'};
    $('operations').hidden = false;
    const rebuild = await getJson('rebuilds/current');
    if (rebuild.ok) {
      const r = rebuild.body;
      fillRows('table-rebuild', [['Génération', String(r.generation)], ['État', STATES[r.state] || r.state],
        ['Progression', fmtInt(r.done) + ' / ' + fmtInt(r.total)], ['Début', fmtDate(r.startedAt)],
        ['Fin', fmtDate(r.finishedAt)], ['Erreur', r.error || '—']]);
    } else if (rebuild.status === 404) {
      fillRows('table-rebuild', [['État', 'aucune reconstruction depuis le démarrage du service']]);
    } else {
      fillRows('table-rebuild', [['État', refusal(rebuild)]]);
    }
    const letters = await getJson('dead-letters?status=PARKED&size=200');
    if (letters.ok) {
      $('dead-letters-caption').textContent = 'Événements mis de côté (lettres mortes) : ' + fmtInt(letters.body.total);
      fillRows('table-dead-letters', letters.body.items.map(d => [d.id, REASONS[d.reason] || d.reason, d.detail || '—',
        fmtInt(d.attempts)]));
    } else {
      $('dead-letters-caption').textContent = 'Lettres mortes indisponibles : ' + refusal(letters);
    }
  }

  async function init() {
    const scope = await getJson('scope');
    if (!scope.ok) {
      $('status').textContent = refusal(scope);
      document.body.dataset.ready = 'true';
      return;
    }
    document.body.dataset.role = scope.body.role;
    const labels = await getJson('labels');
    if (labels.ok) LABELS = labels.body;
    let territories = [];
    let names = {};
    if (scope.body.views.includes('territories')) {
      const list = await getJson('territories');
      if (list.ok) { territories = list.body.territories; names = list.body.names || {}; }
      else $('status').textContent = 'Liste des territoires indisponible : ' + refusal(list);
    }
    choices = choose(scope.body, territories, names);
    exportsAllowed = scope.body.views.includes('exports');
    $('scope-summary').textContent = describe(scope.body, choices[0]);
    if (choices.length === 0) {
      // no figure at all for this role (administration): say so plainly, and show what the role does use
      const message = 'Votre rôle (' + (ROLES[scope.body.role] || scope.body.role)
        + ') ne donne accès à aucun chiffre de ce tableau de bord.';
      $('status').textContent = message;
      if (scope.body.views.includes('operations')) {
        $('no-figures').textContent = message + ' Voici l\'état de la reconstruction des projections et des lettres mortes.';
        await loadOperations();
        document.body.dataset.loaded = 'operations';
      }
      document.body.dataset.ready = 'true';
      return;
    }
    for (const c of choices) {
      const option = document.createElement('option');
      option.value = c.key;
      option.textContent = c.label;
      $('territory').appendChild(option);
    }
    $('figures').hidden = false;
    $('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
    $('territory').addEventListener('change', load);
    document.body.dataset.ready = 'true';
    await load();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
