// Common Danish given names and surnames (frequent names, no particular persons), for demo and
// synthetic data. The people named in the seed documents are real and never used here.
export const FEMALE_NAMES = [
  'Anne', 'Kirsten', 'Mette', 'Hanne', 'Helle', 'Susanne', 'Lene', 'Maria', 'Marianne', 'Louise', 'Camilla', 'Pia',
  'Lone', 'Charlotte', 'Bente', 'Tina', 'Gitte', 'Julie', 'Sofie', 'Emma', 'Ida', 'Laura', 'Freja', 'Nanna',
  'Cecilie', 'Sara', 'Mathilde', 'Amalie', 'Katrine', 'Maja', 'Line', 'Rikke', 'Trine', 'Dorte', 'Signe', 'Karina',
  'Fatima', 'Aisha', 'Agnieszka', 'Olena', 'Ayse', 'Mariam',
] as const;

export const MALE_NAMES = [
  'Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Thomas', 'Søren', 'Jan', 'Niels', 'Christian', 'Martin', 'Jørgen',
  'Anders', 'Morten', 'Jesper', 'Mads', 'Rasmus', 'Hans', 'Per', 'Ole', 'Kim', 'Mikkel', 'Frederik', 'Jonas',
  'Mathias', 'Emil', 'Oliver', 'William', 'Lucas', 'Magnus', 'Kasper', 'Simon', 'Nikolaj', 'Jakob', 'Tobias',
  'Mohammed', 'Ali', 'Piotr', 'Andrii', 'Mehmet', 'Ahmad',
] as const;

export const SURNAMES = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
  'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen',
  'Knudsen', 'Jakobsen', 'Jacobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund', 'Schmidt',
  'Eriksen', 'Holm', 'Kristiansen', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen', 'Østergaard', 'Jeppesen',
  'Vestergaard', 'Nissen', 'Lauridsen', 'Kjær', 'Jepsen', 'Mogensen', 'Bach', 'Dam', 'Yilmaz', 'Kowalski', 'Hussein',
] as const;

export const STREETS = [
  'Vestergade', 'Østergade', 'Nørregade', 'Søndergade', 'Skolevej', 'Kirkevej', 'Birkevej', 'Engvej', 'Stationsvej',
  'Bøgevej', 'Ahornvej', 'Møllevej', 'Industrivej', 'Havnegade', 'Parkvej', 'Skovvej', 'Markvej', 'Rosenvej',
] as const;
