// Validates a DCAT catalogue against SHACL shapes and compares its Turtle
// and RDF/XML forms. Run by TestCatalogShapes:
//
//   node shacl.mjs SHAPES_DIR CATALOG.ttl CATALOG.rdf
//
// It prints one JSON object: the number of triples in each form, whether
// they hold the same graph, and every validation result.
import fs from 'node:fs';
import path from 'node:path';
import { Parser, Store, DataFactory } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import SHACLValidator from 'rdf-validate-shacl';

const [shapesDir, ttlFile, rdfFile] = process.argv.slice(2);
const { namedNode, quad } = DataFactory;

function turtle(file) {
  return new Parser({ baseIRI: 'file:///' + path.basename(file) }).parse(fs.readFileSync(file, 'utf8'));
}

function rdfxml(file) {
  return new Promise((resolve, reject) => {
    const quads = [];
    const parser = new RdfXmlParser({ baseIRI: 'file:///' + path.basename(file) });
    parser.on('data', (q) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.end(fs.readFileSync(file, 'utf8'));
  });
}

// nt gives a quad's N-Triples line; the catalogue has no blank nodes, so
// equal sets of lines are equal graphs.
function nt(q) {
  const term = (t) => {
    if (t.termType === 'NamedNode') return `<${t.value}>`;
    if (t.termType === 'BlankNode') return `_:${t.value}`;
    const v = JSON.stringify(t.value);
    if (t.language) return `${v}@${t.language}`;
    return `${v}^^<${t.datatype.value}>`;
  };
  return `${term(q.subject)} ${term(q.predicate)} ${term(q.object)} .`;
}

// Code lists the DCAT-AP.de imports would load by URL: every term of
// them that the catalogue uses is declared a concept of its scheme.
const codeLists = [
  'http://publications.europa.eu/resource/authority/language',
  'http://publications.europa.eu/resource/authority/file-type',
  'http://publications.europa.eu/resource/authority/data-theme',
  'http://publications.europa.eu/resource/authority/access-right',
  'http://publications.europa.eu/resource/authority/planned-availability',
  'http://publications.europa.eu/resource/authority/frequency',
  'http://dcat-ap.de/def/licenses',
  'http://dcat-ap.de/def/politicalGeocoding/Level',
  'http://dcat-ap.de/def/politicalGeocoding/municipalityKey',
  'http://dcat-ap.de/def/contributors',
  'http://publications.europa.eu/resource/authority/distribution-status',
  ['http://purl.org/adms/publishertype', 'http://purl.org/adms/publishertype/1.0'],
].map((x) => (Array.isArray(x) ? x : [x, x]));
const skos = 'http://www.w3.org/2004/02/skos/core#';
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const ttl = turtle(ttlFile);
const xml = await rdfxml(rdfFile);
const a = new Set(ttl.map(nt));
const b = new Set(xml.map(nt));
const onlyTurtle = [...a].filter((x) => !b.has(x));
const onlyRDFXML = [...b].filter((x) => !a.has(x));

const data = new Store(ttl);
for (const q of ttl) {
  const o = q.object;
  if (o.termType !== 'NamedNode') continue;
  for (const [prefix, scheme] of codeLists) {
    if (o.value.startsWith(prefix + '/') && o.value !== scheme) {
      data.addQuad(quad(o, namedNode(skos + 'inScheme'), namedNode(scheme)));
      data.addQuad(quad(o, namedNode(rdfType), namedNode(skos + 'Concept')));
    }
  }
}

const shapes = new Store();
for (const f of fs.readdirSync(shapesDir).filter((f) => f.endsWith('.ttl')).sort()) {
  shapes.addQuads(turtle(path.join(shapesDir, f)));
}
const report = await new SHACLValidator(shapes).validate(data);
const results = report.results.map((r) => ({
  severity: r.severity ? r.severity.value.replace('http://www.w3.org/ns/shacl#', '') : '',
  focus: r.focusNode ? r.focusNode.value : '',
  path: r.path ? r.path.value : '',
  message: r.message.map((m) => m.value).join(' / '),
  shape: r.sourceShape ? r.sourceShape.value : '',
}));
console.log(JSON.stringify({ turtle: a.size, rdfxml: b.size, onlyTurtle, onlyRDFXML, results }, null, 1));
