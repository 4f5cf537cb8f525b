/**
 * Word lists for generated companies. 120 first names by 100 last names give 12,000 distinct
 * people before a middle initial is needed, enough for the 10,000-extension benchmark company.
 */
export const FIRST_NAMES = (
  'Aaron Abigail Adam Adrian Aisha Alan Alejandro Alice Amara Amelia Amir Ana Andre Andrea ' +
  'Angela Anil Anna Anthony Arjun Ava Beatriz Ben Bianca Brandon Brian Camila Carla Carlos ' +
  'Caroline Chen Chloe Chris Claire Daniel David Deepa Dev Diana Diego Dmitri Elena Eli ' +
  'Emily Emma Eric Ethan Fatima Felix Fiona Gabriel Grace Hana Hannah Hassan Helen Hiro Ian ' +
  'Isabel Ivan Jack James Jasmine Javier Jin Joan John Jordan Jose Julia Kai Karen Kenji ' +
  'Kevin Laura Leila Leo Liam Lina Lucas Luis Maya Mei Mia Michael Miguel Mohammed Nadia ' +
  'Naomi Nathan Nina Noah Olivia Omar Oscar Pablo Priya Rafael Rahul Rosa Ryan Sakura Samir ' +
  'Sara Sean Sofia Sophie Stefan Tariq Thomas Tina Uma Victor Wei William Xavier Yara Yusuf ' +
  'Zara Zoe Zoran'
).split(' ');

export const LAST_NAMES = (
  'Abbott Adeyemi Ahmed Alvarez Anderson Bailey Baker Banerjee Becker Bennett Brooks Brown ' +
  'Campbell Carter Castro Chang Chen Clark Cohen Collins Cooper Costa Cruz Das Davis Diaz ' +
  'Dubois Edwards Evans Fernandez Fischer Flores Foster Garcia Gomez Gonzalez Gray Green ' +
  'Gupta Hall Harris Hayes Hernandez Hill Hughes Ito Jackson James Johnson Jones Kang Kelly ' +
  'Khan Kim King Kowalski Kumar Lee Lewis Lopez Martin Martinez Meyer Miller Mitchell Moore ' +
  'Morales Murphy Nakamura Nguyen Novak Okafor Olsen Ortiz Park Patel Perez Peterson ' +
  'Phillips Reyes Rivera Roberts Robinson Rossi Ruiz Sanchez Santos Schmidt Shah Silva ' +
  'Singh Smith Suzuki Taylor Thomas Torres Wagner Walker Wang Williams'
).split(' ');

export const JOB_TITLES = (
  'Account Executive|Sales Manager|Support Engineer|Software Engineer|Designer|' +
  'Product Manager|Accountant|Recruiter|Office Manager|Marketing Specialist|' +
  'Operations Analyst|Customer Success Manager|Field Technician|Nurse|Paralegal'
).split('|');

export const DEPARTMENTS =
  'Sales Support Engineering Finance Marketing Operations People Legal'.split(' ');

/** Local US area codes a company's direct numbers are spread over. */
export const AREA_CODES = (
  '201 202 206 212 213 214 305 312 404 408 415 469 503 512 602 617 619 626 646 650 669 702 ' +
  '713 720 737 773 818 917 919 925'
).split(' ');

export const TOLL_FREE_CODES = ['800', '833', '844', '855', '866', '877', '888'];
