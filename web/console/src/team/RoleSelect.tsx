import { roles, type Role } from '../../../../src/contracts/permissions.ts';
import { useI18n } from '../i18n/index.ts';

/** Only an owner may hand out the owner role, so others are not offered it. */
export function grantableRoles(callerRole: Role): Role[] {
  return callerRole === 'owner' ? [...roles] : roles.filter((role) => role !== 'owner');
}

interface RoleSelectProps {
  value: Role;
  options: Role[];
  onChange: (role: Role) => void;
  label?: string;
  id?: string;
  disabled?: boolean;
  name?: string;
}

export function RoleSelect({ value, options, onChange, label, id, disabled, name }: RoleSelectProps) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      name={name}
      value={value}
      disabled={disabled}
      aria-label={label}
      onChange={(event) => {
        const next = options.find((role) => role === event.target.value);
        if (next) onChange(next);
      }}
    >
      {options.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
    </select>
  );
}
