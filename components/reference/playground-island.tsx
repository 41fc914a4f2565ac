'use client';
/** The request console: the stock fumadocs-openapi playground for one operation, without shiki in the browser. */
import { createOpenAPIPage, type OpenAPIPageProps_Spec } from 'fumadocs-openapi/ui';

const Page = createOpenAPIPage({
  generateTypeScriptDefinitions: false,
  content: { renderOperationLayout: (slots) => slots.apiPlayground },
  components: { CodeBlock: ({ code }) => <pre className="max-h-96 overflow-auto p-3 text-xs">{code}</pre> },
});

export type PlaygroundProps = Pick<OpenAPIPageProps_Spec, 'operations' | 'payload'>;

export default function PlaygroundIsland(props: PlaygroundProps) {
  return <Page document="factuarea" {...props} />;
}
