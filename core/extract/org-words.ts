/**
 * Words that end an English organisation's name (Acme Ltd, Bayline Freight, Keystone Dental), in
 * one list for the company, name and product finders, so that none of them reads "Greenfield
 * Construction" as a person or a product.
 */
export const EN_ORG_SUFFIX =
  'Ltd|Limited|Inc|Corp|Corporation|Co|LLC|PLC|GmbH|Group|Logistics|Technologies|Tech|Foods|Holdings|Trading|Solutions|Consulting|Industries|Partners|Enterprises|' +
  'Freight|Motors|Automotive|Dental|Dentistry|Solar|Systems|Energy|Clinic|Bank|Insurance|Academy|School|College|Realty|Properties|Construction|Builders|Engineering|' +
  'Manufacturing|Software|Labs|Media|Studios?|Pharma|Pharmacy|Healthcare|Medical|Hospital|Hotels?|Supplies|Shipping|Transport|Electric|Electronics|Networks|Telecom|' +
  'Capital|Investments|Associates|Accountants|Fitness|Salon|Interiors|Furniture|Plumbing|Roofing|Cleaning|Marketing|Agency|Institute|Nursery|Veterinary|Brewery|Textiles|Printing|Packaging';

/** The whole word is an organisation ending. */
export const EN_ORG_WORD = new RegExp(`^(?:${EN_ORG_SUFFIX})$`);
