/** A highlighted block inside a tab panel, with a copy button. */
import { CopyButton } from '@/components/lean/copy-button';

export function CodePanel({ html }: { html: string }) {
  return (
    <div className="relative text-[0.8rem]">
      <CopyButton />
      <div
        className="max-h-[32rem] overflow-auto [&_pre]:p-4 [&_pre]:pe-16 [&_pre]:leading-relaxed"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
