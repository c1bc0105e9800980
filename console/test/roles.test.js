import { test } from 'node:test';
import assert from 'node:assert/strict';
import { may, mayView, roleLabel, visibleViews } from '../src/lib/roles.js';

const ids = (roles) => visibleViews(roles).map((v) => v.id);

test('views by role', () => {
  assert.deepEqual(ids(['operator']), ['events', 'reviews', 'tickets', 'assessment', 'operations']);
  assert.deepEqual(ids(['auditor']), ['events', 'reviews', 'tickets', 'assessment']);
  assert.deepEqual(ids(['reviewer']), ['reviews']);
  assert.deepEqual(ids(['partner']), []);
  assert.deepEqual(ids(['lead-unit', 'handler']), []);
  assert.equal(mayView(['auditor'], 'operations'), false);
  assert.equal(mayView(['operator'], 'nope'), false);
});

test('actions by role', () => {
  assert.equal(may(['reviewer'], 'review.claim'), true);
  assert.equal(may(['reviewer'], 'review.decide'), true);
  assert.equal(may(['reviewer'], 'review.assign'), false);
  assert.equal(may(['operator'], 'review.claim'), false);
  assert.equal(may(['operator'], 'review.assign'), true);
  assert.equal(may(['auditor'], 'review.assign'), false);
  assert.equal(may(['auditor'], 'ticket.assign'), false);
  assert.equal(may(['auditor'], 'ticket.matches'), true);
  assert.equal(may(['operator'], 'ticket.assign'), true);
  assert.equal(may(['auditor'], 'assessment.start'), false);
  assert.equal(may(['auditor'], 'assessment.csv'), true);
  assert.equal(may(['operator'], 'assessment.start'), true);
  assert.equal(may(['operator', 'reviewer'], 'review.claim'), true);
  assert.throws(() => may(['operator'], 'unknown'));
});

test('Chinese role labels', () => {
  assert.equal(roleLabel('operator'), '运营人员');
  assert.equal(roleLabel('reviewer'), '审查员');
  assert.equal(roleLabel('something'), 'something');
});
