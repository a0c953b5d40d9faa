#!/usr/bin/env python3
"""Quick check of a language pack against the English one (the Rust tests are the real
gate): same keys, same placeholders, the plural categories its language needs."""
import json, re, sys
root = 'core/data/'
langs = {l['tag']: l for l in json.load(open(root + 'languages.json'))}
en = json.load(open(root + 'lang/en.json'))
tag = sys.argv[1]
pack = json.load(open(root + f'lang/{tag}.json'))
need = set(langs[tag]['plurals'])
ph = lambda s: sorted(set(p.split(':')[0] for p in re.findall(r'\{([a-z_:]+)\}', s)))
def forms(v): return list(v.values()) if isinstance(v, dict) else [v]
errors = []
em, pm = en['messages'], pack['messages']
for k in sorted(set(em) ^ set(pm)): errors.append(f'key {k}: in one pack only')
for k in em:
    if k not in pm: continue
    e, p = em[k], pm[k]
    want = ph(forms(e)[0]) if not isinstance(e, dict) else sorted(set(x for f in forms(e) for x in ph(f)))
    if isinstance(e, dict) != isinstance(p, dict): errors.append(f'{k}: plural in one pack only'); continue
    if isinstance(p, dict) and set(p) != need: errors.append(f'{k}: categories {sorted(p)}, need {sorted(need)}')
    for f in forms(p):
        if not f.strip(): errors.append(f'{k}: empty')
        if isinstance(p, dict):
            if not set(ph(f)) <= set(want) or (f is p.get('other') and set(ph(f)) != set(want) - set()): pass
        elif ph(f) != want: errors.append(f'{k}: placeholders {ph(f)}, English has {want}')
    if isinstance(p, dict):
        for cat, f in p.items():
            got = set(ph(f)); need_here = set(want) - {'count'}
            if not need_here <= got or not got <= set(want): errors.append(f'{k}.{cat}: placeholders {sorted(got)}, English has {want} ({{count}} may be left out)')
ei, pi = en['instruments'], pack['instruments']
for iid, e in ei.items():
    p = pi.get(iid)
    if p is None: errors.append(f'instrument {iid} missing'); continue
    for f in ['title', 'intro', 'dont_know']:
        if not p.get(f, '').strip(): errors.append(f'{iid}.{f} empty')
    if len(p.get('agreement', [])) != 5: errors.append('agreement needs 5 labels')
    if set(p['dimensions']) != set(e['dimensions']): errors.append('dimension ids differ')
    for d, ed in e['dimensions'].items():
        pd = p['dimensions'].get(d, {})
        if set(pd.get('statements', {})) != set(ed['statements']): errors.append(f'{d}: statement ids differ')
        for lst in ['concern', 'discuss']:
            if len(pd.get(lst, [])) != len(ed[lst]): errors.append(f'{d}.{lst}: {len(pd.get(lst, []))} items, English has {len(ed[lst])}')
        for f in ['name', 'description', 'strength']:
            if not pd.get(f, '').strip(): errors.append(f'{d}.{f} empty')
if 'number_words' in pack and len(pack['number_words']) < 3: errors.append('number_words too short')
print('\n'.join(errors) or f'{tag}: OK')
sys.exit(1 if errors else 0)
