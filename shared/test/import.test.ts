import { describe, expect, it } from 'vitest';
import { PIECE_TAILLE_MAX, exempleDocumentImport, validerDocumentImport, type BeneficiaireJson, type DemandeJson } from '../src/index.js';

const options = { dateDebutCertificat: new Date('2023-09-21T00:00:00Z'), dateDepot: new Date('2024-03-01T10:00:00Z') };

function doc(modifier: (d: DemandeJson) => void = () => {}) {
  const document = exempleDocumentImport();
  modifier(document.demandes[0]!);
  return document;
}
const benef = (d: DemandeJson, i: number) => d.beneficiaires[i]! as BeneficiaireJson & Record<string, unknown>;
const chemin = (...p: (string | number)[]) => ['demandes', 0, 'beneficiaires', ...p];

describe('import: the example document (SPEC §8)', () => {
  const r = validerDocumentImport(exempleDocumentImport(), options);

  it('has no error', () => {
    expect(r.erreurs).toEqual([]);
    expect(r.demandes).toHaveLength(1);
  });

  it('reads the demande', () => {
    const d = r.demandes[0]!;
    expect(d).toMatchObject({
      type: 'AVANCE', couloir: 'MS2', numeroEditeur: '00001', logiciel: 'DUI-PDS', dateCommande: '2022-09-20',
      montantCentimes: 292000, mandataire: false, courrielContact: 'contact@editeur-dui.fr',
      coordonneesBancaires: { iban: 'FR7611808009101234567890147', bic: 'CMCIFRPA', titulaire: 'MAISON HELOISE', domiciliation: 'BFCM STRASBOURG SIEGE' },
    });
    expect(d.beneficiaires).toHaveLength(6);
    expect(d.pieces.map((p) => [p.nomFichier, p.type])).toEqual([
      ['ms2-dui-va1-va-00001.pdf', 'VA'],
      ['ms2-dui-va1-facture-00001.pdf', 'FACTURE'],
    ]);
    expect(new TextDecoder().decode(d.pieces[0]!.contenu.slice(0, 5))).toBe('%PDF-');
  });

  it('produces exactly the administrateurs whose demandeCertificatServeur is true', () => {
    const a = r.demandes[0]!.administrateurs;
    expect(a.map((x) => x.finessJuridique)).toEqual(['330058066', '330058067', '330058068', '330058069', '330058070']);
    expect(a[0]).toEqual({
      finessJuridique: '330058066', contractualisationOG: true, statutAdminTechnique: 'E', contractualisationEditeur: true,
      numeroCarteCPX: '8001234567', nomAdminTechnique: 'STU', telAdminTechnique: '0603334174', emailAdminTechnique: 'a.st@mail.com', utiliteCertificat: 'DMP',
    });
    expect(a[2]).toMatchObject({ contractualisationOG: false, statutAdminTechnique: 'S', contractualisationEditeur: false, utiliteCertificat: 'INS' });
    expect(a[3]?.utiliteCertificat).toBe('DMP_INS');
  });

  it('warns (only) about the wrong FINESS keys of 330058067…070', () => {
    expect(r.avertissements.map((p) => [p.code, p.path.join('.')])).toEqual(
      [1, 2, 3, 4].map((i) => ['CLE_FINESS', `demandes.0.beneficiaires.${i}.finessJuridique`]),
    );
    expect(r.demandes[0]!.avertissements).toEqual(r.avertissements);
  });

  it('accepts a single demande at the root, with root paths', () => {
    const seule = validerDocumentImport(exempleDocumentImport().demandes[0], options);
    expect(seule.erreurs).toEqual([]);
    expect(seule.demandes).toHaveLength(1);
    expect(seule.avertissements[0]?.path).toEqual(['beneficiaires', 1, 'finessJuridique']);
  });
});

describe('import: certificate rules', () => {
  it('CPX missing where required → error at its JSON path, in French', () => {
    const r = validerDocumentImport(doc((d) => { benef(d, 3).certificatServeur!.numeroCarteCPX = null; }), options);
    expect(r.demandes).toEqual([]);
    expect(r.erreurs).toEqual([
      {
        code: 'REQUIS',
        champ: 'numeroCarteCPX',
        gravite: 'ERREUR',
        path: chemin(3, 'certificatServeur', 'numeroCarteCPX'),
        message: 'Numéro de carte CPX : obligatoire lorsque la contractualisation OG est Oui, le statut Editeur et la contractualisation éditeur Oui.',
      },
    ]);
  });

  it('CPX missing where optional is fine', () => {
    const r = validerDocumentImport(doc((d) => { delete benef(d, 2).certificatServeur!.numeroCarteCPX; }), options);
    expect(r.erreurs).toEqual([]);
    expect(r.demandes[0]!.administrateurs[2]?.numeroCarteCPX).toBeNull();
  });

  it('false + a non-null value → INTERDIT on each such key', () => {
    const r = validerDocumentImport(
      doc((d) => {
        Object.assign(benef(d, 5), {
          contracutualisationOG: false,
          StatutAdminTechnique: '',
          certificatServeur: { numeroCarteCPX: '8001234567', nomAdminTechnique: null, utiliteCertificat: ' ' },
        });
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path])).toEqual([
      ['INTERDIT', chemin(5, 'contracutualisationOG')],
      ['INTERDIT', chemin(5, 'certificatServeur', 'numeroCarteCPX')],
    ]);
    expect(r.erreurs[0]?.message).toBe('Contractualisation organisme de gestion : doit être vide (null) lorsque demandeCertificatServeur vaut false.');
  });

  it('two certificate requests for one FINESS juridique → DOUBLON_FINESS on the second', () => {
    const r = validerDocumentImport(doc((d) => { benef(d, 4).finessJuridique = '330058066'; }), options);
    expect(r.erreurs).toHaveLength(1);
    expect(r.erreurs[0]).toMatchObject({ code: 'DOUBLON_FINESS', path: chemin(4, 'finessJuridique'), champ: 'finessJuridique' });
    expect(r.erreurs[0]?.message).toMatch(/^FINESS juridique : un seul certificat serveur par FINESS juridique/);
  });

  it('a duplicated FINESS without certificate is not a DOUBLON', () => {
    const r = validerDocumentImport(doc((d) => { benef(d, 5).finessJuridique = '330058066'; }), options);
    expect(r.erreurs).toEqual([]);
  });

  it('SOLDE with a true entry → HORS_PERIMETRE', () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.type = 'SOLDE';
        d.beneficiaires = [benef(d, 0), benef(d, 5)];
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path])).toEqual([['HORS_PERIMETRE', chemin(0, 'demandeCertificatServeur')]]);
    expect(r.erreurs[0]?.message).toBe("Demande de certificat serveur : possible uniquement pour une demande d'AVANCE des couloirs MS1 ou MS2 déposée à partir du 21/09/2023.");
  });

  it('other couloir or import before the start date → HORS_PERIMETRE', () => {
    const pharma = validerDocumentImport(doc((d) => { d.couloir = 'PH1'; }), options);
    expect(pharma.erreurs.filter((e) => e.code === 'HORS_PERIMETRE')).toHaveLength(5);
    const tot = validerDocumentImport(exempleDocumentImport(), { ...options, dateDepot: new Date('2023-09-20T12:00:00Z') });
    expect(tot.erreurs.filter((e) => e.code === 'HORS_PERIMETRE')).toHaveLength(5);
    const sansCertificat = validerDocumentImport(doc((d) => { d.type = 'SOLDE'; d.beneficiaires = [benef(d, 5)]; }), options);
    expect(sansCertificat.erreurs).toEqual([]);
    expect(sansCertificat.demandes[0]?.administrateurs).toEqual([]);
  });

  it('accepts both OG spellings and both utilité spellings', () => {
    const r = validerDocumentImport(
      doc((d) => {
        const b = benef(d, 0);
        delete b.contracutualisationOG;
        b['contractualisationOG'] = false;
        b.certificatServeur!.utiliteCertificat = 'DMP, INS';
      }),
      options,
    );
    expect(r.erreurs).toEqual([]);
    expect(r.demandes[0]!.administrateurs[0]).toMatchObject({ contractualisationOG: false, utiliteCertificat: 'DMP_INS' });
  });

  it('maps errors to the keys actually used', () => {
    const r = validerDocumentImport(
      doc((d) => {
        const b = benef(d, 1);
        b.contracutualisationOG = null;
        b.StatutAdminTechnique = 'X' as 'E';
        b.contractualisationEditeur = 'oui' as unknown as boolean;
        b.certificatServeur!.nomAdminTechnique = 'B0UVI';
        b.certificatServeur!.emailAdminTechnique = 'j.bo@';
        b.certificatServeur!.utiliteCertificat = 'TOUT' as 'DMP';
        b.certificatServeur!.numeroCarteCPX = '80012345678';
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path.slice(4).join('.')])).toEqual([
      ['REQUIS', 'contracutualisationOG'],
      ['VALEUR', 'StatutAdminTechnique'],
      ['FORMAT', 'contractualisationEditeur'],
      ['TROP_LONG', 'certificatServeur.numeroCarteCPX'],
      ['FORMAT', 'certificatServeur.nomAdminTechnique'],
      ['FORMAT', 'certificatServeur.emailAdminTechnique'],
      ['VALEUR', 'certificatServeur.utiliteCertificat'],
    ]);
    expect(r.erreurs.every((e) => /^[^:]+ : .+\.$/.test(e.message))).toBe(true);
  });

  it('true with no certificatServeur → every required field reported', () => {
    const r = validerDocumentImport(doc((d) => { benef(d, 0).certificatServeur = null; }), options);
    expect(r.erreurs.map((e) => e.path.slice(4).join('.'))).toEqual([
      'certificatServeur.nomAdminTechnique',
      'certificatServeur.telAdminTechnique',
      'certificatServeur.emailAdminTechnique',
      'certificatServeur.utiliteCertificat',
      'certificatServeur.numeroCarteCPX',
    ]);
  });

  it('phone warnings carry their JSON path', () => {
    const r = validerDocumentImport(doc((d) => { benef(d, 0).certificatServeur!.telAdminTechnique = '12'; }), options);
    expect(r.erreurs).toEqual([]);
    expect(r.avertissements.find((p) => p.code === 'TELEPHONE')?.path).toEqual(chemin(0, 'certificatServeur', 'telAdminTechnique'));
  });
});

describe('import: the rest of the document', () => {
  it('reports every problem of the document at once, with paths', () => {
    const document = exempleDocumentImport();
    const d = document.demandes[0]!;
    Object.assign(d, { numeroEditeur: '1', montantSegurDeclare: '2920.123', dateCommande: '2022-02-30', type: 'AUTRE' });
    d.coordonneesBancaires!.iban = 'FR7611808009101234567890148';
    benef(d, 0).emailResponsable = 'pas-un-email';
    d.piecesJustificatives![1] = { nomFichier: 'facture.doc', type: 'FACTURE', contenuBase64: btoa('PK not a pdf') };
    document.demandes.push({ ...exempleDocumentImport().demandes[0]!, logiciel: '' });
    const r = validerDocumentImport(document, options);
    expect(r.erreurs.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['VALEUR', 'demandes.0.type'],
      ['FORMAT', 'demandes.0.numeroEditeur'],
      ['FORMAT', 'demandes.0.dateCommande'],
      ['FORMAT', 'demandes.0.montantSegurDeclare'],
      ['FORMAT', 'demandes.0.coordonneesBancaires.iban'],
      ['FORMAT', 'demandes.0.beneficiaires.0.emailResponsable'],
      ['HORS_PERIMETRE', 'demandes.0.beneficiaires.0.demandeCertificatServeur'],
      ['HORS_PERIMETRE', 'demandes.0.beneficiaires.1.demandeCertificatServeur'],
      ['HORS_PERIMETRE', 'demandes.0.beneficiaires.2.demandeCertificatServeur'],
      ['HORS_PERIMETRE', 'demandes.0.beneficiaires.3.demandeCertificatServeur'],
      ['HORS_PERIMETRE', 'demandes.0.beneficiaires.4.demandeCertificatServeur'],
      ['FORMAT', 'demandes.0.piecesJustificatives.1.nomFichier'],
      ['FORMAT', 'demandes.0.piecesJustificatives.1.contenuBase64'],
      ['REQUIS', 'demandes.1.logiciel'],
    ]);
    expect(r.demandes).toEqual([]);
  });

  it('ignores unknown keys with a CHAMP_INCONNU warning', () => {
    const document = { ...exempleDocumentImport(), version: 2 };
    const d = document.demandes[0]! as DemandeJson & Record<string, unknown>;
    d['numeroDossier'] = 'FINMS2007720M0';
    benef(d, 0).certificatServeur!['numeroCarte' as 'numeroCarteCPX'] = 'x';
    const r = validerDocumentImport(document, options);
    expect(r.erreurs).toEqual([]);
    expect(r.avertissements.filter((p) => p.code === 'CHAMP_INCONNU').map((p) => [p.path.join('.'), p.gravite])).toEqual([
      ['version', 'AVERTISSEMENT'],
      ['demandes.0.numeroDossier', 'AVERTISSEMENT'],
      ['demandes.0.beneficiaires.0.certificatServeur.numeroCarte', 'AVERTISSEMENT'],
    ]);
  });

  it('amount as a number, optional parts absent', () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.montantSegurDeclare = 1200.5;
        delete d.coordonneesBancaires;
        delete d.piecesJustificatives;
        delete d.dateCommande;
        delete d.courrielContact;
      }),
      options,
    );
    expect(r.erreurs).toEqual([]);
    expect(r.demandes[0]).toMatchObject({ montantCentimes: 120050, coordonneesBancaires: null, pieces: [], dateCommande: null, courrielContact: null });
  });

  it('refuses malformed base64 and oversized pièces', () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.piecesJustificatives![0]!.contenuBase64 = '%%%';
        d.piecesJustificatives![1]!.contenuBase64 = 'A'.repeat(Math.ceil((PIECE_TAILLE_MAX + 3) / 3) * 4);
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path.join('.'), e.message])).toEqual([
      ['FORMAT', 'demandes.0.piecesJustificatives.0.contenuBase64', 'Contenu du fichier : encodage base64 valide attendu.'],
      ['TROP_LONG', 'demandes.0.piecesJustificatives.1.contenuBase64', 'Contenu du fichier : 10 Mio au maximum.'],
    ]);
  });

  it('refuses what is not a document', () => {
    expect(validerDocumentImport([], options).erreurs).toMatchObject([{ code: 'FORMAT', path: [] }]);
    expect(validerDocumentImport({ demandes: [] }, options).erreurs).toMatchObject([{ code: 'REQUIS', path: ['demandes'] }]);
    expect(validerDocumentImport({ demandes: [1] }, options).erreurs).toMatchObject([{ code: 'FORMAT', path: ['demandes', 0] }]);
    const sansBenef = validerDocumentImport(doc((d) => { d.beneficiaires = []; }), options);
    expect(sansBenef.erreurs).toMatchObject([{ code: 'REQUIS', path: ['demandes', 0, 'beneficiaires'] }]);
  });
});
