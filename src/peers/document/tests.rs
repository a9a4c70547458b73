use super::*;
use crate::peers::key::SigningKey;
use proptest::prelude::*;

const ADDRESS: &str = "https://group.example";

fn key() -> SigningKey {
    SigningKey::from_seed(&[3; 32]).expect("key")
}

fn campaign(slug: &str) -> DirectoryCampaign {
    DirectoryCampaign {
        slug: slug.into(),
        pages: [
            ("ru".into(), format!("{ADDRESS}/ru/{slug}")),
            ("en".into(), format!("{ADDRESS}/en/{slug}")),
        ]
        .into(),
        names: [
            ("ru".into(), "Анна Пример".into()),
            ("en".into(), "Anna Example".into()),
        ]
        .into(),
        status: "pre-trial-detention".into(),
        charge: Some(DirectoryCharge {
            code: "criminal-code-rf".into(),
            article: "280.3".into(),
        }),
        articles: vec!["280.3".into()],
        region: [("en".into(), "Kazan".into())].into(),
        photo: Some(format!("https://mirror.example/photos/{slug}.jpg")),
        petitions: vec![PetitionCount {
            id: "free".into(),
            signatures: 12,
        }],
        updated: NaiveDate::from_ymd_opt(2024, 2, 20).expect("date"),
    }
}

fn document(signer: &SigningKey, campaigns: Vec<DirectoryCampaign>) -> Vec<u8> {
    let directory = Directory {
        format: FORMAT.into(),
        instance: ADDRESS.into(),
        updated: None,
        campaigns,
    };
    serde_json::to_vec(&SignedDirectory::sign(signer, &directory).expect("signs")).expect("json")
}

fn check(bytes: &[u8]) -> Result<Vec<PeerCampaign>, Refusal> {
    let key = key().public();
    let mirrors = ["https://mirror.example".to_string()];
    let peer = Peer {
        address: ADDRESS,
        mirrors: &mirrors,
        key: &key,
    };
    let payload = verify(&peer, bytes)?;
    campaigns(&peer, &payload)
}

#[test]
fn an_honest_directory_is_read() {
    let listed =
        check(&document(&key(), vec![campaign("anna"), campaign("boris")])).expect("valid");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].name.get(Lang::EN), "Anna Example");
    assert_eq!(listed[0].page(Lang::RU), "https://group.example/ru/anna");
    assert_eq!(
        listed[0].page(Lang::BE),
        "https://group.example/en/anna",
        "the first given"
    );
    assert_eq!(listed[0].signatures, 12);
    assert_eq!(listed[0].status, StatusKind::PreTrialDetention);
}

#[test]
fn another_key_or_a_forged_signature_is_refused() {
    let other = SigningKey::from_seed(&[4; 32]).expect("key");
    assert!(matches!(
        check(&document(&other, vec![campaign("anna")])),
        Err(Refusal::OtherKey(_))
    ));
    let mut doc: SignedDirectory =
        serde_json::from_slice(&document(&key(), vec![campaign("anna")])).expect("json");
    doc.payload = doc.payload.replace("Anna Example", "Anna Exampld");
    assert_eq!(
        check(&serde_json::to_vec(&doc).expect("json")),
        Err(Refusal::BadSignature)
    );
}

#[test]
fn markup_foreign_links_and_other_instances_are_refused() {
    let mut script = campaign("anna");
    script
        .names
        .insert("en".into(), "<script>alert(1)</script>".into());
    let mut foreign = campaign("anna");
    foreign
        .pages
        .insert("en".into(), "https://evil.example/en/anna".into());
    let mut photo = campaign("anna");
    photo.photo = Some("https://tracker.example/pixel.jpg".into());
    let mut scheme = campaign("anna");
    scheme
        .pages
        .insert("en".into(), "javascript:alert(1)".into());
    for bad in [script, foreign, photo, scheme] {
        assert!(
            matches!(
                check(&document(&key(), vec![campaign("boris"), bad])),
                Err(Refusal::Campaign { index: 1, .. })
            ),
            "refused whole"
        );
    }
    let twice = document(&key(), vec![campaign("anna"), campaign("anna")]);
    assert!(matches!(check(&twice), Err(Refusal::Campaign { .. })));
}

#[test]
fn a_directory_of_another_instance_is_refused() {
    let directory = Directory {
        format: FORMAT.into(),
        instance: "https://other.example".into(),
        updated: None,
        campaigns: vec![],
    };
    let doc = serde_json::to_vec(&SignedDirectory::sign(&key(), &directory).expect("signs"))
        .expect("json");
    assert!(matches!(check(&doc), Err(Refusal::OtherInstance(_))));
}

#[test]
fn too_many_campaigns_are_refused() {
    let many = (0..=MAX_CAMPAIGNS)
        .map(|i| campaign(&format!("p{i}")))
        .collect();
    assert_eq!(check(&document(&key(), many)), Err(Refusal::TooMany));
}

proptest! {
    #[test]
    fn any_bytes_are_refused_or_read_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = check(&bytes);
    }

    #[test]
    fn any_texts_in_a_signed_directory_never_panic(name in "\\PC{0,300}", url in "\\PC{0,100}") {
        let mut c = campaign("anna");
        c.names.insert("en".into(), name);
        c.pages.insert("ru".into(), url);
        if let Ok(listed) = check(&document(&key(), vec![c])) {
            for l in listed {
                prop_assert!(!l.name.get(Lang::EN).contains('<'));
                prop_assert!(l.pages.iter().all(|(_, u)| u.starts_with(ADDRESS) || u.starts_with("https://mirror.example")));
            }
        }
    }
}
