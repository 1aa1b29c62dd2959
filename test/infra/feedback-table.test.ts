import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FeedbackTable } from '../../infra/constructs/feedback-table.js';
import { feedbackTableDefinition } from '../../lib/store/feedback-table.js';

const sortByName = <T extends { AttributeName?: string; IndexName?: string }>(items: readonly T[]) =>
  [...items].sort((a, b) =>
    String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)),
  );

describe('FeedbackTable', () => {
  const stack = new Stack(new App(), 'TableOnly');
  new FeedbackTable(stack, 'Store', { production: false });
  const [table] = Object.values(Template.fromStack(stack).findResources('AWS::DynamoDB::GlobalTable'));
  const local = feedbackTableDefinition('closeloop-feedback');

  it('has the keys and indexes of the table the store and the local stack use', () => {
    // The local emulator's table is the one every integration test runs against: AWS must get the same.
    expect(table?.Properties.KeySchema).toEqual(local.KeySchema);
    expect(sortByName(table?.Properties.AttributeDefinitions)).toEqual(
      sortByName(local.AttributeDefinitions ?? []),
    );
    const indexes = table?.Properties.GlobalSecondaryIndexes as Array<Record<string, unknown>>;
    expect(
      sortByName(indexes).map(({ IndexName, KeySchema, Projection }) => ({
        IndexName,
        KeySchema,
        Projection,
      })),
    ).toEqual(sortByName(local.GlobalSecondaryIndexes ?? []));
    expect(table?.Properties.StreamSpecification).toEqual({
      StreamViewType: local.StreamSpecification?.StreamViewType,
    });
  });
});
