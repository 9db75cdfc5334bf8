/** A checkbox with its label, the one way the dashboard asks yes-or-no. */
export function Checkbox({
  checked,
  onChange,
  children,
  title,
  className = "flex items-center gap-2",
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: React.ReactNode;
  title?: string;
  className?: string;
}) {
  return (
    <label className={className} title={title}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="accent-indigo-600"
      />
      {children}
    </label>
  );
}
